package forms

import (
	"time"

	"github.com/ecslaunch/ecslaunch/request"
	"github.com/ecslaunch/ecslaunch/rules"
)

// ruleContext is what the rules need to know about the chosen image and type.
type ruleContext = rules.Context

func checkParam(req *request.Request, key string, c ruleContext) []rules.Finding {
	return rules.CheckParam(req, key, c)
}

func relatedKeys(key string) []string { return rules.Related(key) }

func validateAll(req *request.Request, c ruleContext) []rules.Finding { return rules.Validate(req, c) }

// RulesContext is the rules.Context of the draft: the image's OS and size,
// the type's data-disk limit, the clock.
func (d *Draft) RulesContext(now time.Time) rules.Context { return d.context(now) }
