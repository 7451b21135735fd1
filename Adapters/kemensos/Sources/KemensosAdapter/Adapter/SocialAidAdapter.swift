import Foundation
import GerbangKit

/// Kemensos's bansos adapter: keeps the beneficiary register (``BeneficiaryRegister``) in step
/// with the population registry and the paying banks.
///
/// - `population.death.registered`: every eligible beneficiary whose recipient died has their
///   eligibility revoked: `socialaid.eligibility.revoked` (reason `deceased`, basis the death
///   event and its akta) is published, then the register records it; the delivery is
///   acknowledged once both are done (a redelivery publishes the same id again, a duplicate).
/// - `population.address.changed`: a beneficiary who moved gets the new village and family card
///   (and a relocation record).
/// - `socialaid.disbursement.settled` / `.failed`: the register records the bank's answer.
/// - The producing side runs the disbursement cycle (``DisbursementCycle``) every
///   `disbursement.interval-seconds` and on SIGUSR1.
///
/// `Sendable`: immutable values and `Sendable` references.
public struct SocialAidAdapter: Adapter {
    public typealias Settings = SocialAidSettings

    public static let descriptor = AdapterDescriptor(
        agency: "kemensos", name: "bansos", version: "1.0.0",
        consumes: [DeathRegistered.eventType, AddressChanged.eventType, DisbursementSettled.eventType, DisbursementFailed.eventType],
        produces: [EligibilityRevoked.eventType, DisbursementRequested.eventType]
    )

    /// The register.
    public let register: BeneficiaryRegister
    private let settings: Settings

    public init(settings: Settings, context: AdapterContext) async throws {
        func resolve(_ path: String) -> String {
            path.hasPrefix("/") ? path : URL(fileURLWithPath: context.baseDirectory).appendingPathComponent(path).path
        }
        self.settings = settings
        register = try BeneficiaryRegister(path: resolve(settings.database))
        if let seed = settings.seed {
            let added = try register.enroll(try BeneficiarySeed.read(path: resolve(seed)))
            let statistics = try register.statistics()
            context.logger.info("register seeded", metadata: ["added": "\(added)", "register": "\(statistics)"])
        }
    }

    // MARK: Producing

    /// The disbursement cycle: after the initial delay, every interval (when not 0), and on SIGUSR1.
    public func run(context: AdapterContext) async throws {
        let trigger = CycleTrigger()
        let cycle = DisbursementCycle(register: register, schedule: settings.disbursement, batchSize: settings.publishBatchSize)
        let schedule = settings.disbursement
        await withTaskGroup(of: Void.self) { group in
            if schedule.intervalSeconds > 0 {
                group.addTask {
                    do {
                        try await Task.sleep(for: .seconds(schedule.initialDelaySeconds))
                        while !Task.isCancelled {
                            trigger.request()
                            try await Task.sleep(for: .seconds(schedule.intervalSeconds))
                        }
                    } catch {}
                }
            }
            for await _ in trigger.requests {
                do {
                    try await cycle.run(context: context)
                } catch {
                    context.logger.error("disbursement cycle failed", metadata: ["error": "\(error)"])
                }
            }
            group.cancelAll()
        }
    }

    // MARK: Consuming

    public func handle(_ delivery: Delivery, context: AdapterContext) async throws -> DeliveryOutcome {
        switch delivery.type {
        case DeathRegistered.eventType: return try await death(delivery, context: context)
        case AddressChanged.eventType: return try move(delivery, context: context)
        case DisbursementSettled.eventType:
            let settled: DisbursementSettled = try decode(delivery)
            if try !register.markSettled(settled.disbursementId, providerReference: settled.providerReference, settledAt: settled.settledAt) {
                context.logger.warning("settlement of an unknown disbursement", metadata: ["disbursement": "\(settled.disbursementId)"])
            }
            return .ack
        case DisbursementFailed.eventType:
            let failed: DisbursementFailed = try decode(delivery)
            if try !register.markFailed(failed.disbursementId, reason: failed.failureReason.rawValue, retryable: failed.retryable,
                                        providerReference: failed.providerReference) {
                context.logger.warning("failure of an unknown disbursement", metadata: ["disbursement": "\(failed.disbursementId)"])
            } else {
                context.logger.info("disbursement failed at the provider", metadata: [
                    "disbursement": "\(failed.disbursementId)", "reason": "\(failed.failureReason.rawValue)",
                ])
            }
            return .ack
        default:
            return .reject(reason: "kemensos.unexpected-type", message: "the bansos adapter does not consume \(delivery.type)")
        }
    }

    private func death(_ delivery: Delivery, context: AdapterContext) async throws -> DeliveryOutcome {
        let death: DeathRegistered = try decode(delivery)
        let today = JakartaCalendar.day()
        for beneficiary in try register.beneficiaries(nik: death.deceased.nik) where beneficiary.status == .eligible {
            let revocation = EligibilityRevoked(
                beneficiaryId: beneficiary.id,
                programme: Programme(rawValue: beneficiary.programme) ?? .pkh,
                nik: beneficiary.nik,
                reason: .deceased,
                effectiveDate: death.dateOfDeath,
                revokedOn: today,
                basis: .init(eventId: delivery.event.id, eventType: delivery.type, documentNumber: death.deathCertificateNumber)
            )
            let event = try OutgoingEvent(revocation, id: "revoked-\(beneficiary.id)", subject: beneficiary.id,
                                          partitionKey: beneficiary.id, correlationID: delivery.event.correlationid ?? delivery.event.id,
                                          causationID: delivery.event.id)
            do {
                try await context.publish(event)
            } catch {
                guard error.reason == .rejected, !error.isRetryable else {
                    return .retry(reason: "kemensos.revocation-unconfirmed", message: "\(error)")
                }
                return .reject(reason: "kemensos.revocation-refused", message: "\(error)")
            }
            try register.markRevoked(beneficiary.id, reason: EligibilityRevoked.Reason.deceased.rawValue,
                                     effectiveDate: death.dateOfDeath, document: death.deathCertificateNumber)
            context.logger.info("eligibility revoked", metadata: [
                "beneficiary": "\(beneficiary.id)", "basis": "\(death.deathCertificateNumber)",
            ])
        }
        return .ack
    }

    private func move(_ delivery: Delivery, context: AdapterContext) throws -> DeliveryOutcome {
        let move: AddressChanged = try decode(delivery)
        for beneficiary in try register.beneficiaries(nik: move.nik) {
            try register.recordRelocation(Relocation(
                beneficiaryId: beneficiary.id, movingCertificateNumber: move.movingCertificateNumber,
                previousVillageCode: beneficiary.villageCode, newVillageCode: move.newAddress.villageCode,
                movementType: move.movementType.rawValue, effectiveDate: move.effectiveDate
            ), newKK: move.newKk)
            context.logger.info("beneficiary moved", metadata: [
                "beneficiary": "\(beneficiary.id)", "movement": "\(move.movementType.rawValue)",
            ])
        }
        return .ack
    }

    /// The delivery's data as `Model`; an event that does not fit is rejected (a retry cannot help).
    private func decode<Model: CanonicalEventData>(_ delivery: Delivery) throws -> Model {
        do {
            return try delivery.decode(Model.self)
        } catch {
            throw MappingError("kemensos.undecodable", "\(error)")
        }
    }
}
