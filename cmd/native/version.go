package main

// version is the program's version: "dev" in a plain build; make dist
// stamps the output of "git describe" with -ldflags "-X main.version=…".
var version = "dev"
