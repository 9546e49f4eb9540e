import App

// All commands live in App/Commands; this file only starts them.
await Takstfil.koer()
