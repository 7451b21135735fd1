import Foundation

/// The files of a new adapter, as `gerbang adapter new` writes them: a library target with the
/// ``Adapter`` conformer and its native record, an executable target that runs it, a test target,
/// and `Config/adapters/<name>.yaml`. Pure text generation: the same inputs always give the same
/// bytes (the committed `Adapters/example` is checked against it by a test).
///
/// `Sendable`: a value type of strings.
public struct AdapterScaffold: Sendable, Hashable {
    /// The adapter's name (an identifier: `[a-z][a-z0-9-]*`, at most 40 characters).
    public let name: String
    /// The agency it speaks for.
    public let agency: String
    /// The event types it consumes (each a catalogue type known to GerbangKit).
    public let consumes: [String]
    /// The event types it produces.
    public let produces: [String]

    /// One generated file. `Sendable` value.
    public struct File: Sendable, Hashable {
        /// The path relative to the package root.
        public let path: String
        /// The contents.
        public let contents: String
    }

    /// The catalogue types GerbangKit has models for, with the model's name and the member that
    /// names the record (`reference`).
    static let models: [String: (model: String, reference: String)] = [
        "population.death.registered": ("DeathRegistered", "deathCertificateNumber"),
        "population.birth.registered": ("BirthRegistered", "birthCertificateNumber"),
        "population.address.changed": ("AddressChanged", "movingCertificateNumber"),
        "socialaid.beneficiary.enrolled": ("BeneficiaryEnrolled", "beneficiaryId"),
        "socialaid.eligibility.revoked": ("EligibilityRevoked", "beneficiaryId"),
        "socialaid.disbursement.requested": ("DisbursementRequested", "disbursementId"),
        "socialaid.disbursement.settled": ("DisbursementSettled", "disbursementId"),
        "socialaid.disbursement.failed": ("DisbursementFailed", "disbursementId"),
        "health.insurance.membership.changed": ("HealthMembershipChanged", "memberNumber"),
    ]

    /// Checks the inputs and prepares the scaffold.
    ///
    /// - Throws: ``AdapterScaffoldError`` with reason `scaffold.invalid-name`,
    ///   `scaffold.invalid-agency` or `scaffold.unknown-type`.
    public init(name: String, agency: String, consumes: [String], produces: [String] = []) throws(AdapterScaffoldError) {
        guard Self.isIdentifier(name, maxLength: 40), name.first!.isLetter else {
            throw AdapterScaffoldError(.invalidName, "`\(name)` is not an adapter name: lower-case letters, digits and -, starting with a letter, at most 40 characters")
        }
        guard Self.isIdentifier(agency, maxLength: 64) else {
            throw AdapterScaffoldError(.invalidAgency, "`\(agency)` is not an agency id: lower-case letters, digits and -")
        }
        for type in consumes + produces where Self.models[type] == nil {
            throw AdapterScaffoldError(.unknownType, "`\(type)` is not a catalogue type with a GerbangKit model; known: \(Self.models.keys.sorted().joined(separator: ", "))")
        }
        self.name = name
        self.agency = agency
        self.consumes = consumes
        self.produces = produces
    }

    private static func isIdentifier(_ text: String, maxLength: Int) -> Bool {
        !text.isEmpty && text.count <= maxLength && text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
        } && !text.hasPrefix("-") && !text.hasSuffix("-")
    }

    /// `http-gateway` → `HttpGateway`.
    public var typePrefix: String {
        name.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// The library target, e.g. `ExampleAdapter`.
    public var libraryTarget: String { "\(typePrefix)Adapter" }
    /// The executable target (and product), e.g. `example-adapter`.
    public var executableTarget: String { "\(name)-adapter" }
    /// The test target, e.g. `ExampleAdapterTests`.
    public var testTarget: String { "\(libraryTarget)Tests" }
    /// The native record type, e.g. `ExampleRecord`.
    public var recordType: String { "\(typePrefix)Record" }

    /// Every file, in a fixed order.
    public var files: [File] {
        [
            File(path: "Adapters/\(name)/Sources/\(libraryTarget)/\(libraryTarget).swift", contents: adapterSource),
            File(path: "Adapters/\(name)/Sources/\(libraryTarget)/\(recordType).swift", contents: recordSource),
            File(path: "Adapters/\(name)/Sources/\(executableTarget)/main.swift", contents: mainSource),
            File(path: "Adapters/\(name)/Tests/\(testTarget)/\(testTarget).swift", contents: testSource),
            File(path: "Config/adapters/\(name).yaml", contents: configurationSource),
        ]
    }

    /// The target declarations to add to `Package.swift` (inside `targets:`).
    public var packageSnippet: String {
        """
                // \(name): scaffolded by `gerbang adapter new \(name)` (docs/writing-an-adapter.md).
                .target(
                    name: "\(libraryTarget)",
                    dependencies: ["GerbangKit", "Envelope", .product(name: "Logging", package: "swift-log")],
                    path: "Adapters/\(name)/Sources/\(libraryTarget)",
                    swiftSettings: swiftSettings
                ),
                .executableTarget(
                    name: "\(executableTarget)",
                    dependencies: ["\(libraryTarget)", "GerbangKit", .product(name: "Logging", package: "swift-log")],
                    path: "Adapters/\(name)/Sources/\(executableTarget)",
                    swiftSettings: swiftSettings
                ),
                .testTarget(
                    name: "\(testTarget)",
                    dependencies: ["\(libraryTarget)", "GerbangKit", "Envelope"],
                    path: "Adapters/\(name)/Tests/\(testTarget)",
                    swiftSettings: swiftSettings
                ),

        """ + "\n"
    }

    /// The subscription to add to `Config/routes.yaml` so that the broker delivers the consumed
    /// types (empty when the adapter consumes nothing).
    public var routesSnippet: String {
        guard !consumes.isEmpty else { return "" }
        return """
              - id: \(agency).\(name)
                agency: \(agency)
                adapter: \(name)
                types:
            \(consumes.map { "      - \($0)" }.joined(separator: "\n"))

            """
    }

    /// The line of `Package.swift` before which ``packageSnippet`` is inserted by `--apply`.
    public static let packageMarker = "        // MARK: Benchmarks"
}
