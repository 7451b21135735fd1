import GerbangJSON

/// Deterministic, realistic test documents: arrays of CloudEvents-like records as Gerbang
/// carries them (attributes, a citizen-service payload with NIK, names, address codes, money).
enum BenchmarkDocuments {
    /// A small pseudo-random generator (SplitMix64) so every run measures the same bytes.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
        mutating func digits(_ count: Int) -> String { String((0..<count).map { _ in Character(String(below(10))) }) }
        mutating func hex(_ count: Int) -> String {
            let alphabet = Array("0123456789abcdef")
            return String((0..<count).map { _ in alphabet[below(16)] })
        }
    }

    static let givenNames = ["Siti", "Budi", "Dewi", "Agus", "Nur’aini", "Wayan", "Made", "Rina", "Andi", "Fitri"]
    static let familyNames = ["Aminah", "Santoso", "Lestari", "Wijaya", "Hasibuan", "Putri", "Saputra", "Nasution"]
    static let types = ["population.birth.registered", "socialaid.disbursement.requested",
                        "population.address.changed", "health.insurance.membership.changed"]

    /// One event record.
    static func record(_ generator: inout Generator, index: Int) -> JSONValue {
        let nik = "3201" + generator.digits(12)
        let type = types[generator.below(types.count)]
        let person = JSONObject([
            "nik": .string(nik),
            "kk": .string("3201" + generator.digits(12)),
            "name": .string("\(givenNames[generator.below(givenNames.count)]) \(familyNames[generator.below(familyNames.count)])"),
            "birthDate": .string("19\(50 + generator.below(50))-0\(1 + generator.below(9))-1\(generator.below(10))"),
            "sex": .string(generator.below(2) == 0 ? "F" : "M"),
        ])
        let address = JSONObject([
            "street": .string("Jl. Merdeka No. \(generator.below(200)) RT 00\(generator.below(9)) / RW 01\(generator.below(9))"),
            "regionCode": .string("32.01.0\(generator.below(9)).200\(generator.below(9))"),
            "postalCode": .string("16" + generator.digits(3)),
        ])
        let data = JSONObject([
            "person": .object(person),
            "address": .object(address),
            "amount": .object(JSONObject(["value": .number(JSONNumber(generator.below(5_000_000))), "currency": .string("IDR")])),
            "score": .number(JSONNumber(Double(generator.below(100_000)) / 1000)),
            "verified": .bool(generator.below(2) == 0),
            "notes": generator.below(3) == 0 ? .null : .string("Verifikasi lapangan selesai\tpetugas #\(generator.below(99))"),
            "programs": .array((0..<(1 + generator.below(3))).map { _ in .string(["PKH", "BPNT", "PIP", "KIS"][generator.below(4)]) }),
        ])
        return .object(JSONObject([
            "specversion": .string("1.0"),
            "id": .string("\(generator.hex(8))-\(generator.hex(4))-4\(generator.hex(3))-\(generator.hex(4))-\(generator.hex(12))"),
            "source": .string("urn:agency:dukcapil:32\(generator.digits(2))"),
            "type": .string(type),
            "time": .string("2026-11-29T0\(generator.below(10)):\(10 + generator.below(50)):\(10 + generator.below(50)).\(generator.digits(3))+07:00"),
            "datacontenttype": .string("application/json"),
            "dataschema": .string("https://schemas.gerbang.go.id/\(type)/1.0.0"),
            "traceparent": .string("00-\(generator.hex(32))-\(generator.hex(16))-01"),
            "partitionkey": .string(nik),
            "sequence": .number(JSONNumber(index)),
            "data": .object(data),
            "gerbangjws": .string("eyJhbGciOiJFUzI1NiIsImtpZCI6ImR1a2NhcGlsLTIwMjYifQ..\(generator.hex(86))"),
        ]))
    }

    /// A compact JSON array of records, grown until it reaches `targetBytes`.
    static func document(targetBytes: Int, seed: UInt64) -> [UInt8] {
        var generator = Generator(state: seed)
        var records: [JSONValue] = []
        var size = 2
        while size < targetBytes {
            let next = record(&generator, index: records.count)
            size += next.serializedBytes().count + 1
            records.append(next)
        }
        return JSONValue.array(records).serializedBytes()
    }
}
