import Kommandolinje

// All commands live in Kommandolinje; this file only starts them.
await Takstfil.koer()
