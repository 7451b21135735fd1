// The Routing module: routes, subscriptions and retry policies.
