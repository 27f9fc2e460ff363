package check

// OpenNonBlocking is the Open a Checker uses when none is set, for tests
// that wrap it.
var OpenNonBlocking = openNonBlocking
