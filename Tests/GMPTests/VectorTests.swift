import GMP
import Testing

/// The shared vectors of `Tests/GMPTests/Vectors/`, which the Python reference implementation
/// (written from `docs/protocol.md` alone) checks too.
@Suite("GMP/1 test vectors")
struct VectorTests {
    static let valid = (try? VectorFile<ValidVector>.load("valid.json")) ?? []
    static let invalid = (try? VectorFile<InvalidVector>.load("invalid.json")) ?? []

    @Test("the vector files load and cover every command")
    func vectorFilesLoad() throws {
        #expect(Self.valid.count >= 20)
        #expect(Self.invalid.count >= 50)
        let commands = Set(try Self.valid.map { try $0.message().command })
        #expect(commands == Set(GMPCommand.allCases))
    }

    @Test("a valid vector decodes to its fields and its fields encode to its frames", arguments: valid)
    func validVector(_ vector: ValidVector) throws {
        let expected = try vector.message()
        let decoded = try GMPMessage(decoding: vector.frameBytes)
        #expect(decoded == expected)
        #expect(try expected.encode() == vector.frameBytes)
    }

    @Test("an invalid vector fails with its reason code and frame index", arguments: invalid)
    func invalidVector(_ vector: InvalidVector) {
        #expect(ReasonCode(rawValue: vector.reason) != nil, "unknown reason \(vector.reason) in \(vector.name)")
        let error = #expect(throws: GMPProtocolError.self) {
            try GMPMessage(decoding: vector.frameBytes, limits: vector.gmpLimits, from: vector.role)
        }
        #expect(error?.reason.rawValue == vector.reason)
        #expect(error?.frameIndex == vector.frame)
    }
}
