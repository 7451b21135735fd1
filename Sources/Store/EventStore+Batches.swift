/// `append([NewEvent])`: the default implementation, and the scaffolding of a backend's own.
extension EventStore {
    /// Appends the events one after the other with ``append(_:)``.
    public func append(_ events: [NewEvent]) async -> [Result<AppendOutcome, StoreError>] {
        var results: [Result<AppendOutcome, StoreError>] = []
        results.reserveCapacity(events.count)
        for event in events {
            results.append(await appendAlone(event))
        }
        return results
    }

    /// What a backend's `append([NewEvent])` has in common: each event is validated
    /// (``NewEvent/validateForAppend()``; an invalid one gets its error and the others go on);
    /// two or more valid ones go to `appendInOneOperation`, which appends them in order in **one**
    /// operation of the backend's write queue and returns their outcomes; when it throws, nothing
    /// of it was committed (the backend rolled the operation back), so each valid event is
    /// appended again on its own with ``append(_:)``, and each gets its own outcome. One outcome
    /// per event, in order.
    public func appendTogether(
        _ events: [NewEvent],
        _ appendInOneOperation: ([NewEvent]) async throws(StoreError) -> [AppendOutcome]
    ) async -> [Result<AppendOutcome, StoreError>] {
        var results = [Result<AppendOutcome, StoreError>?](repeating: nil, count: events.count)
        var valid: [(index: Int, event: NewEvent)] = []
        valid.reserveCapacity(events.count)
        for (index, event) in events.enumerated() {
            do throws(StoreError) {
                try event.validateForAppend()
                valid.append((index, event))
            } catch {
                results[index] = .failure(error)
            }
        }
        if valid.count > 1 {
            do throws(StoreError) {
                let outcomes = try await appendInOneOperation(valid.map(\.event))
                guard outcomes.count == valid.count else {
                    throw StoreError(.internal, "\(outcomes.count) outcomes for \(valid.count) events appended together")
                }
                for ((index, _), outcome) in zip(valid, outcomes) { results[index] = .success(outcome) }
                valid.removeAll()
            } catch {
                // Nothing of the operation was committed: each event on its own below.
            }
        }
        for (index, event) in valid {
            results[index] = await appendAlone(event)
        }
        return results.map { $0 ?? .failure(StoreError(.internal, "no outcome for an appended event")) }
    }

    private func appendAlone(_ event: NewEvent) async -> Result<AppendOutcome, StoreError> {
        do throws(StoreError) {
            return .success(try await append(event))
        } catch {
            return .failure(error)
        }
    }
}
