import FuzzTargets

/// libFuzzer's entry point for the CloudEvents envelope parser (`FuzzTarget.envelope`); libFuzzer supplies `main`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzTarget.envelope.run(UnsafeRawBufferPointer(start: bytes, count: count))
    return 0
}
