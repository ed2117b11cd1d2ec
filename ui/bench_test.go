package ui

import (
	"context"
	"fmt"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/ecslaunch/ecslaunch/catalog"
	"github.com/ecslaunch/ecslaunch/forms"
)

// manyTypes makes n instance types across families, sizes and statuses.
func manyTypes(n int) []catalog.InstanceType {
	fams := []string{"g7", "c7", "r7", "g8i", "c8y", "gn7i", "hfg7", "u1", "e", "t6"}
	sizes := []struct {
		name string
		cpu  int
	}{{"large", 2}, {"xlarge", 4}, {"2xlarge", 8}, {"4xlarge", 16}, {"8xlarge", 32}}
	out := make([]catalog.InstanceType, n)
	for i := range out {
		f, s := fams[i%len(fams)], sizes[(i/len(fams))%len(sizes)]
		st := catalog.Available
		if i%7 == 0 {
			st = catalog.SoldOut
		}
		out[i] = catalog.InstanceType{InstanceTypeId: fmt.Sprintf("ecs.%s%d.%s", f, i/50, s.name), InstanceTypeFamily: "ecs." + f,
			CpuCoreCount: s.cpu, MemorySize: float64(s.cpu * 4), CpuArchitecture: "X86", Status: st,
			PricePerHour: float64(i%97) / 10, AvailableZones: []string{"cn-hangzhou-i", "cn-hangzhou-j"}}
	}
	return out
}

// BenchmarkTypeFilterKeystroke is one keystroke in the instance-type
// filter over 2,000 types: Update, then View (the frame drawn).
func BenchmarkTypeFilterKeystroke(b *testing.B) {
	r := newFakeReader()
	r.types = manyTypes(2000)
	m := start(b, Options{Reader: r, Region: "cn-hangzhou"})
	m = toStepB(b, m, forms.InstanceType)
	m = press(b, m, "/", "g", "7")
	keys := []tea.KeyMsg{keyMsg("x"), {Type: tea.KeyBackspace}}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		next, _ := m.Update(keys[i%2])
		m = next.(Model)
		_ = m.View()
	}
}

func toStepB(b *testing.B, m Model, s forms.StepID) Model {
	for m.c.Step() < s {
		m = press(b, m, "enter")
	}
	return m
}

// BenchmarkStartToReadyFrame is New, the first loads from a warm catalog
// cache on the sandbox, and the first frame with the region list.
func BenchmarkStartToReadyFrame(b *testing.B) {
	benchStart(b, func(m Model) bool { return m.c.Ready() })
}

// BenchmarkStartToRegionCatalog runs until the whole region catalog (zones,
// types, images, network) is loaded from the warm cache, as the later
// steps need it.
func BenchmarkStartToRegionCatalog(b *testing.B) {
	benchStart(b, func(m Model) bool { return m.c.Ready() && m.c.Env().Data != nil })
}

func benchStart(b *testing.B, done func(Model) bool) {
	o, fresh := sandboxEnv(b)
	warm := toStepB(b, start(b, o), forms.Review) // fills the disk cache
	_ = warm.View()
	o.DraftPath = "" // no resume question
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		cat := fresh() // a new process: only the disk cache is warm
		o.Reader = cat
		m := New(context.Background(), o)
		next, _ := m.Update(sizeMsg(100, 30))
		m = next.(Model)
		m = drainOnly(b, m, m.initCmd, done)
		if !m.c.Ready() {
			b.Fatal("not ready")
		}
		_ = m.View()
		b.StopTimer()
		cat.Close()
		b.StartTimer()
	}
}

// drainOnly drains until done holds.
func drainOnly(t testing.TB, m Model, cmd tea.Cmd, done func(Model) bool) Model {
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 && !done(m) {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := runCmd(t, c).(type) {
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case nil:
		default:
			if _, tick := msg.(interface{ Tag() int }); tick {
				continue
			}
			next, c2 := m.Update(msg)
			m = next.(Model)
			queue = append(queue, c2)
		}
	}
	return m
}
