extension NewEvent {
    /// Checks what every store requires of an event before appending it: a non-empty `source`,
    /// `id` and `type`, and no empty subscription id. Throws ``StoreErrorReason/invalidArgument``.
    public func validateForAppend() throws(StoreError) {
        if source.isEmpty { throw StoreError(.invalidArgument, "event source is empty") }
        if id.isEmpty { throw StoreError(.invalidArgument, "event id is empty") }
        if type.isEmpty { throw StoreError(.invalidArgument, "event type is empty") }
        if subscriptions.contains(where: { $0.rawValue.isEmpty }) {
            throw StoreError(.invalidArgument, "a subscription id is empty")
        }
    }
}
