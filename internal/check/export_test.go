package check

import "time"

// OpenNonBlocking is the Open a Checker uses when none is set, for tests
// that wrap it.
var OpenNonBlocking = openNonBlocking

// SetRacyWindow sets how long after a change a file's stamp is trusted, and
// returns a function that restores it.
func SetRacyWindow(d time.Duration) func() {
	old := racyWindow
	racyWindow = d
	return func() { racyWindow = old }
}

// SetSlow makes the checker call f at the start of each phase a document
// goes through apart from evaluation, with the phase's name.
func SetSlow(c *Checker, f func(phase string)) { c.slow = f }
