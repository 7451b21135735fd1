import FuzzTargets

/// libFuzzer's entry point for the detached compact JWS parser (`FuzzTarget.jws`); libFuzzer supplies `main`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzTarget.jws.run(UnsafeRawBufferPointer(start: bytes, count: count))
    return 0
}
