import FuzzTargets

/// libFuzzer's entry point for the strict JSON parser (`FuzzTarget.json`); libFuzzer supplies `main`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzTarget.json.run(UnsafeRawBufferPointer(start: bytes, count: count))
    return 0
}
