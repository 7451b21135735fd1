import FuzzTargets

/// libFuzzer's entry point for the JSON Schema compiler (`FuzzTarget.schema`); libFuzzer supplies `main`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzTarget.schema.run(UnsafeRawBufferPointer(start: bytes, count: count))
    return 0
}
