// The Broker module: the gerbangd publish pipeline and delivery.
