namespace TopoPool.Testing
