import Foundation
import GRDB

/// Kemensos's beneficiary register in SQLite (GRDB): beneficiaries, disbursements, relocations.
///
/// Every change is one transaction. The file may be read by other processes while the adapter
/// runs (WAL mode), e.g. by an operator or a test.
///
/// `Sendable`: GRDB's `DatabasePool` is thread-safe; the class holds nothing else.
public final class BeneficiaryRegister: Sendable {
    private let pool: DatabasePool

    /// Opens (creating when missing) the register at `path` and brings its schema up to date.
    public init(path: String) throws(RegisterError) {
        do {
            try FileManager.default.createDirectory(at: URL(fileURLWithPath: path).deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            pool = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(pool)
        } catch {
            throw RegisterError(.unavailable, "cannot open the register at \(path): \(error)")
        }
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: Beneficiary.databaseTableName) { table in
                table.primaryKey("id", .text)
                table.column("serial", .integer).notNull().unique()
                table.column("programme", .text).notNull()
                table.column("nik", .text).notNull().indexed()
                table.column("kk", .text).notNull()
                table.column("fullName", .text).notNull()
                table.column("villageCode", .text).notNull()
                table.column("provider", .text).notNull()
                table.column("accountNumber", .text)
                table.column("kksCardNumber", .text)
                table.column("amount", .integer).notNull()
                table.column("status", .text).notNull().indexed()
                table.column("revocationReason", .text)
                table.column("revocationEffectiveDate", .text)
                table.column("revocationDocument", .text)
                table.column("revocationPublished", .boolean).notNull().defaults(to: false)
            }
            try db.create(table: Disbursement.databaseTableName) { table in
                table.primaryKey("id", .text)
                table.column("beneficiaryId", .text).notNull().references(Beneficiary.databaseTableName)
                table.column("period", .text).notNull()
                table.column("amount", .integer).notNull()
                table.column("status", .text).notNull().indexed()
                table.column("requestedOn", .text).notNull()
                table.column("providerReference", .text)
                table.column("settledAt", .text)
                table.column("failureReason", .text)
                table.column("retryable", .boolean)
                table.uniqueKey(["beneficiaryId", "period"])
            }
            try db.create(table: Relocation.databaseTableName) { table in
                table.column("beneficiaryId", .text).notNull().references(Beneficiary.databaseTableName)
                table.column("movingCertificateNumber", .text).notNull()
                table.column("previousVillageCode", .text).notNull()
                table.column("newVillageCode", .text).notNull()
                table.column("movementType", .text).notNull()
                table.column("effectiveDate", .text).notNull()
                table.primaryKey(["beneficiaryId", "movingCertificateNumber"])
            }
        }
        return migrator
    }

    // MARK: Beneficiaries

    /// Adds the beneficiaries not yet in the register (by id); returns how many were added.
    @discardableResult
    public func enroll(_ beneficiaries: [Beneficiary]) throws(RegisterError) -> Int {
        try write { db in
            var added = 0
            for beneficiary in beneficiaries where try Beneficiary.fetchOne(db, key: beneficiary.id) == nil {
                try beneficiary.insert(db)
                added += 1
            }
            return added
        }
    }

    /// The beneficiary with this id.
    public func beneficiary(id: String) throws(RegisterError) -> Beneficiary? {
        try read { db in try Beneficiary.fetchOne(db, key: id) }
    }

    /// The beneficiaries whose recipient has this NIK (one per programme enrolment).
    public func beneficiaries(nik: String) throws(RegisterError) -> [Beneficiary] {
        try read { db in try Beneficiary.filter(Column("nik") == nik).order(Column("id")).fetchAll(db) }
    }

    /// Records that the beneficiary's eligibility ended and that the broker accepted the
    /// revocation event.
    public func markRevoked(_ id: String, reason: String, effectiveDate: String, document: String?) throws(RegisterError) {
        try write { db in
            guard var beneficiary = try Beneficiary.fetchOne(db, key: id) else { return }
            beneficiary.status = .revoked
            beneficiary.revocationReason = reason
            beneficiary.revocationEffectiveDate = effectiveDate
            beneficiary.revocationDocument = document
            beneficiary.revocationPublished = true
            try beneficiary.update(db)
        }
    }

    /// Records a move: the new village and family card, and the relocation (once per certificate).
    public func recordRelocation(_ relocation: Relocation, newKK: String) throws(RegisterError) {
        try write { db in
            guard var beneficiary = try Beneficiary.fetchOne(db, key: relocation.beneficiaryId) else { return }
            beneficiary.villageCode = relocation.newVillageCode
            beneficiary.kk = newKK
            try beneficiary.update(db)
            try relocation.insert(db, onConflict: .ignore)
        }
    }

    // MARK: Disbursements

    /// Creates a pending disbursement for `period` for every eligible beneficiary that has none
    /// yet, and returns every pending disbursement of the period with its beneficiary (those
    /// created now and those whose request the broker has not confirmed yet).
    public func prepareDisbursements(period: String, requestedOn: String,
                                     makeID: @Sendable (Beneficiary) -> String) throws(RegisterError) -> [(Disbursement, Beneficiary)] {
        try write { db in
            let eligible = try Beneficiary.filter(Column("status") == Beneficiary.Status.eligible.rawValue)
                .order(Column("serial")).fetchAll(db)
            for beneficiary in eligible {
                let exists = try Disbursement.filter(Column("beneficiaryId") == beneficiary.id && Column("period") == period)
                    .fetchCount(db) > 0
                if !exists {
                    try Disbursement(id: makeID(beneficiary), beneficiaryId: beneficiary.id, period: period,
                                     amount: beneficiary.amount, requestedOn: requestedOn).insert(db)
                }
            }
            let pending = try Disbursement.filter(Column("period") == period && Column("status") == Disbursement.Status.pending.rawValue)
                .order(Column("id")).fetchAll(db)
            return try pending.compactMap { disbursement in
                // A beneficiary revoked after the row was created is not requested.
                guard let beneficiary = try Beneficiary.fetchOne(db, key: disbursement.beneficiaryId),
                      beneficiary.status == .eligible else { return nil }
                return (disbursement, beneficiary)
            }
        }
    }

    /// Records that the broker accepted the request (pending → requested; later states stay).
    public func markRequested(_ id: String) throws(RegisterError) {
        try write { db in
            try db.execute(sql: "UPDATE disbursement SET status = ? WHERE id = ? AND status = ?",
                           arguments: [Disbursement.Status.requested.rawValue, id, Disbursement.Status.pending.rawValue])
        }
    }

    /// Records the provider's payment; false when the disbursement is unknown.
    @discardableResult
    public func markSettled(_ id: String, providerReference: String, settledAt: String) throws(RegisterError) -> Bool {
        try write { db in
            guard var disbursement = try Disbursement.fetchOne(db, key: id) else { return false }
            disbursement.status = .settled
            disbursement.providerReference = providerReference
            disbursement.settledAt = settledAt
            disbursement.failureReason = nil
            try disbursement.update(db)
            return true
        }
    }

    /// Records the provider's failure; false when the disbursement is unknown. A settled
    /// disbursement stays settled (a late failure of an earlier attempt does not undo a payment).
    @discardableResult
    public func markFailed(_ id: String, reason: String, retryable: Bool, providerReference: String?) throws(RegisterError) -> Bool {
        try write { db in
            guard var disbursement = try Disbursement.fetchOne(db, key: id) else { return false }
            guard disbursement.status != .settled else { return true }
            disbursement.status = .failed
            disbursement.failureReason = reason
            disbursement.retryable = retryable
            disbursement.providerReference = providerReference
            try disbursement.update(db)
            return true
        }
    }

    /// Every disbursement (for tests and tools), by id.
    public func disbursements() throws(RegisterError) -> [Disbursement] {
        try read { db in try Disbursement.order(Column("id")).fetchAll(db) }
    }

    // MARK: Statistics

    /// The register's counts.
    public func statistics() throws(RegisterError) -> RegisterStatistics {
        try read { db in
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
            return RegisterStatistics(
                eligible: try count("SELECT COUNT(*) FROM beneficiary WHERE status = 'eligible'"),
                revoked: try count("SELECT COUNT(*) FROM beneficiary WHERE status = 'revoked'"),
                revocationsPublished: try count("SELECT COUNT(*) FROM beneficiary WHERE revocationPublished"),
                pending: try count("SELECT COUNT(*) FROM disbursement WHERE status = 'pending'"),
                requested: try count("SELECT COUNT(*) FROM disbursement WHERE status = 'requested'"),
                settled: try count("SELECT COUNT(*) FROM disbursement WHERE status = 'settled'"),
                failed: try count("SELECT COUNT(*) FROM disbursement WHERE status = 'failed'"),
                relocations: try count("SELECT COUNT(*) FROM relocation")
            )
        }
    }

    // MARK: Access

    private func read<T>(_ body: (Database) throws -> T) throws(RegisterError) -> T {
        do {
            return try pool.read(body)
        } catch {
            throw RegisterError(.database, "read failed: \(error)")
        }
    }

    private func write<T>(_ body: (Database) throws -> T) throws(RegisterError) -> T {
        do {
            return try pool.write(body)
        } catch {
            throw RegisterError(.database, "write failed: \(error)")
        }
    }
}
