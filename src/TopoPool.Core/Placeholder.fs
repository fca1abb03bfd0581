namespace TopoPool.Core
