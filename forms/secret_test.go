package forms

import (
	"testing"
	"time"

	"github.com/ecslaunch/ecslaunch/request"
	"github.com/ecslaunch/ecslaunch/rules"
)

func hasCode(fs []rules.Finding, code string) bool {
	for _, f := range fs {
		if f.Code == code {
			return true
		}
	}
	return false
}

// A password typed into the masked field is what the wizard asks for; the
// warning meant for launch files holding one in clear must not follow it,
// while a launch file's literal password keeps it.
func TestATypedPasswordIsNotWarnedAboutAsALiteralInALaunchFile(t *testing.T) {
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	fromFile := NewDraft(request.New(), testEnv())
	if err := fromFile.Req.Set("Password", "Abcdef1!x"); err != nil {
		t.Fatal(err)
	}
	field := Field{Key: "Password", Kind: Secret}
	if !hasCode(Check(fromFile, field, now), rules.CodeLiteralSecret) {
		t.Fatalf("a launch file's literal password is not warned about: %v", Check(fromFile, field, now))
	}
	typed := NewDraft(request.New(), testEnv())
	if err := typed.Set("Password", "Abcdef1!x"); err != nil {
		t.Fatal(err)
	}
	if fs := Check(typed, field, now); hasCode(fs, rules.CodeLiteralSecret) {
		t.Errorf("field check warns about a typed password: %v", fs)
	}
	if fs := Validate(typed, now); hasCode(fs, rules.CodeLiteralSecret) {
		t.Errorf("review warns about a typed password: %v", fs)
	}
}
