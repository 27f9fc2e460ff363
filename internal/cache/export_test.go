package cache

import "time"

// Internals the external tests need: the entry layout, to damage entries
// field by field, and the intervals, to step over them with SetNow.
const (
	HeaderSize      = headerSize
	OffVersion      = offVersion
	OffKey          = offKey
	OffLength       = offLength
	OffChecksum     = offChecksum
	RefreshInterval = refreshInterval
	TrimInterval    = trimInterval
	StaleTemp       = staleTemp
	TrimStamp       = trimStamp
)

// EntryPath returns the file that holds k's entry in c.
func EntryPath(c *Cache, k Key) string { return c.entryPath(k) }

// SetNow replaces c's clock. Call it before c is shared between goroutines.
func SetNow(c *Cache, now func() time.Time) { c.now = now }

// SetAfterScan makes f run in c's Trim between its scan and its removals.
func SetAfterScan(c *Cache, f func()) { c.afterScan = f }
