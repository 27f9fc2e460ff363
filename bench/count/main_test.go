package main

import (
	"strings"
	"testing"
)

func TestCount(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name           string
		report         string
		docs, findings int
		wantErr        bool
	}{
		{"registry findings", `{"documents": [{"file": "a.yaml"}, {"file": "b.yaml"}], "registry": {"status": "warn", "findings": [{"rule": "x"}, {"rule": "y"}, {"rule": "z"}]}}`, 2, 3, false},
		{"clean registry", `{"documents": [{"file": "a.yaml"}], "registry": {"status": "pass", "findings": []}}`, 1, 0, false},
		{"no registry section", `{"documents": [{"file": "a.yaml"}]}`, 1, 0, false},
		{"not a report", `{"findings": []}`, 0, 0, true},
		{"not JSON", `documents: []`, 0, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			docs, findings, err := count(strings.NewReader(tt.report))
			if (err != nil) != tt.wantErr {
				t.Fatalf("error %v, want error %v", err, tt.wantErr)
			}
			if docs != tt.docs || findings != tt.findings {
				t.Errorf("got %d documents and %d findings, want %d and %d", docs, findings, tt.docs, tt.findings)
			}
		})
	}
}
