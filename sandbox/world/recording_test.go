package world

import "testing"

// A version-2 recording holds a type's own price and plays it as is; a
// version-1 recording held the whole quote with the default system disk,
// which is taken off so both quote the type alike.
func TestRecordedPricesByVersion(t *testing.T) {
	for _, tc := range []struct {
		version int
		less    bool
	}{{2, false}, {1, true}} {
		rec := &Recording{Version: tc.version, Regions: []RecordedRegion{{RegionId: "cn-hangzhou", LocalName: "Hangzhou"}},
			Detail: map[string]*RecordedDetail{"cn-hangzhou": {
				Zones:  []RecordedZone{{ZoneId: "cn-hangzhou-i", LocalName: "I"}},
				Types:  []RecordedType{{InstanceTypeId: "ecs.g6.large", InstanceTypeFamily: "ecs.g6", CpuCoreCount: 2, MemorySize: 8, CpuArchitecture: "X86"}},
				Prices: map[string]float64{"ecs.g6.large": 0.609}}}}
		w, err := FromRecording(rec)
		if err != nil {
			t.Fatalf("version %d: %v", tc.version, err)
		}
		r, _ := w.Region("cn-hangzhou")
		typ, ok := w.Type("ecs.g6.large")
		if !ok {
			t.Fatalf("version %d: the recorded type is missing", tc.version)
		}
		want := 0.609
		if tc.less {
			want = Round3(0.609 - DiskHourly(r, defaultSystemDiskCategory, "", defaultSystemDiskGiB))
		}
		if got := TypeHourly(r, typ); got != want || want <= 0 {
			t.Errorf("version %d: TypeHourly %v, want %v", tc.version, got, want)
		}
	}
	if _, err := FromRecording(&Recording{Version: 3}); err == nil {
		t.Error("a recording of a later version was accepted")
	}
}
