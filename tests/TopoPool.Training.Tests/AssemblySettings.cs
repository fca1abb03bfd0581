using Xunit;

// TorchSharp passes implicitly converted Scalars to native code by handle and frees them in finalizers; a garbage
// collection started by another test thread while a native call is still reading one frees it under that call
// ("Unknown scalar type", "INTERNAL ASSERT FAILED at Scalar.h"). Test classes in this assembly therefore run one after
// another, as training does in the command-line tool.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
