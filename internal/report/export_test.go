package report

// FileURI exposes fileURI to the tests of package report_test.
var FileURI = fileURI
