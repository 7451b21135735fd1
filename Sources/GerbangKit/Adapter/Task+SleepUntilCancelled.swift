extension Task where Success == Never, Failure == Never {
    /// Suspends until the current task is cancelled.
    static func sleepUntilCancelled() async throws {
        while !Task.isCancelled {
            try await Task.sleep(for: .seconds(3_600))
        }
    }
}
