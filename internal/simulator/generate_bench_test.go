package simulator

import "testing"

// BenchmarkGenerate100k times generating the 100,000-station data set, then checks it once.
func BenchmarkGenerate100k(b *testing.B) {
	var d *Dataset
	for b.Loop() {
		d = New(Options{Stations: 100000}).Dataset()
	}
	b.StopTimer()
	checkDataset(b, d, 100001)
}
