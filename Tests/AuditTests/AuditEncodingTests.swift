import Audit
import Foundation
import Testing

/// The record encoding and the chain link are a stored format (`docs/audit.md`, "Record
/// encoding"): records written by an older broker must verify with a newer one. These vectors
/// were produced by the first implementation; any change to the bytes fails here.
@Suite("Audit record encoding")
struct AuditEncodingTests {
    private static let acceptedAt = Date(timeIntervalSince1970: 1_795_000_000.123)

    @Test("an accepted event's record encodes to the fixed bytes and round-trips")
    func acceptedEventVector() throws {
        let entry = AuditEntry.eventAccepted(sequence: 42, source: "dukcapil", id: "e-1", type: "population.death.registered",
                                             body: Array("{}".utf8), acceptedAt: Self.acceptedAt)
        let encoding = AuditEncoding.encode(entry, index: 7)
        #expect(AuditChain.hex(encoding) == Self.acceptedVector)
        let (index, decoded) = try AuditEncoding.decode(encoding)
        #expect(index == 7)
        #expect(decoded == entry)
        let link = AuditChain.link(previous: AuditChain.genesis, encoding: encoding)
        #expect(AuditChain.hex(link) == Self.acceptedLink)
    }

    @Test("a delivery-outcome record with negative and large numbers encodes to the fixed bytes")
    func deliveryOutcomeVector() throws {
        let entry = AuditEntry.deliveryOutcomes(
            consumer: "kemensos/bansos#3", outcome: "acknowledged", reason: "",
            deliveries: [.init(subscription: "bansos-stop", sequence: 0, delivery: Int64.max, attempt: 1),
                         .init(subscription: "é-subscription", sequence: -5, delivery: Int64.min, attempt: 12)],
            at: Self.acceptedAt)
        let encoding = AuditEncoding.encode(entry, index: Int64.max)
        #expect(AuditChain.hex(encoding) == Self.outcomeVector)
        let (index, decoded) = try AuditEncoding.decode(encoding)
        #expect(index == Int64.max)
        #expect(decoded == entry)
        #expect(decoded.text("delivery") == "9223372036854775807")
        #expect(decoded.fields.filter { $0.name == "sequence" }.map(\.text) == ["0", "-5"])
        #expect(decoded.fields.filter { $0.name == "delivery" }.map(\.text) == ["9223372036854775807", "-9223372036854775808"])
    }

    @Test("a field name longer than 255 bytes is cut to 255 in the encoding")
    func longFieldNameIsCut() throws {
        let name = String(repeating: "n", count: 300)
        let entry = AuditEntry(kind: .adminAction, timeMilliseconds: -1, fields: [AuditField(name, bytes: [1, 2, 3])])
        let encoding = AuditEncoding.encode(entry, index: 1)
        let (_, decoded) = try AuditEncoding.decode(encoding)
        #expect(decoded.fields.map(\.name) == [String(repeating: "n", count: 255)])
        #expect(decoded.fields.map(\.value) == [[1, 2, 3]])
        #expect(decoded.timeMilliseconds == -1)
    }

    private static let acceptedVector =
        "4741523100000000000000070e6576656e742e6163636570746564000001a1ee565e7b00050873657175656e63650000"
        + "0002343206736f757263650000000864756b636170696c02696400000003652d3104747970650000001b706f70756c61"
        + "74696f6e2e64656174682e726567697374657265640c6576656e742d7368613235360000002044136fa355b3678a1146"
        + "ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"
    private static let acceptedLink = "330bb0ef70cb17e9b17991f8a029270d3c13901d752d22485ebda472f7846add"
    private static let outcomeVector =
        "474152317fffffffffffffff1064656c69766572792e6f7574636f6d65000001a1ee565e7b000b08636f6e73756d6572"
        + "000000116b656d656e736f732f62616e736f732333076f7574636f6d650000000c61636b6e6f776c6564676564067265"
        + "61736f6e000000000c737562736372697074696f6e0000000b62616e736f732d73746f700873657175656e6365000000"
        + "01300864656c6976657279000000133932323333373230333638353437373538303707617474656d707400000001310c"
        + "737562736372697074696f6e0000000fc3a92d737562736372697074696f6e0873657175656e6365000000022d350864"
        + "656c6976657279000000142d3932323333373230333638353437373538303807617474656d7074000000023132"
}
