import FuzzTargets

/// libFuzzer's entry point for certificate and CRL loading (`FuzzTarget.certificate`); libFuzzer supplies `main`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzTarget.certificate.run(UnsafeRawBufferPointer(start: bytes, count: count))
    return 0
}
