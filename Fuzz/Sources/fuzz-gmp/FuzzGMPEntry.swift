import FuzzTargets

/// libFuzzer's entry point for the GMP/1 message decoder (`FuzzTarget.gmp`); libFuzzer supplies `main`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzTarget.gmp.run(UnsafeRawBufferPointer(start: bytes, count: count))
    return 0
}
