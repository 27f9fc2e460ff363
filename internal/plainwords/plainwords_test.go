package plainwords

import "testing"

func TestPounds(t *testing.T) {
	for v, want := range map[float64]string{0: "£0", 999: "£999", 1000: "£1,000", 2500000: "£2,500,000", -1500: "-£1,500", 1234.5: "£1,235"} {
		if got := Pounds(v); got != want {
			t.Errorf("Pounds(%v) = %q, want %q", v, got, want)
		}
	}
}

func TestFTEAndWords(t *testing.T) {
	if got := FTE(2.5); got != "2.5 FTE" {
		t.Errorf("FTE(2.5) = %q", got)
	}
	if got := Words("pump_priming"); got != "pump priming" {
		t.Errorf("Words = %q", got)
	}
}

func TestCapital(t *testing.T) {
	for in, want := range map[string]string{"": "", "active": "Active", "éire": "Éire", "since the baseline": "Since the baseline"} {
		if got := Capital(in); got != want {
			t.Errorf("Capital(%q) = %q, want %q", in, got, want)
		}
	}
}
