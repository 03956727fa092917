package dev.tta.alertrouter.cli;

import java.util.List;

/**
 * One configuration per kind of invalid value, with where the error must point. Shared by the
 * check-config test and the test that holds amtool to the same verdict.
 *
 * @param line the 1-based line the error names
 * @param key the dotted key the error names
 * @param message a part of the message
 * @param alertmanagerRejects Alertmanager 0.25 rejects this file too (false for alert-router's own rules)
 */
record InvalidConfigCases(String name, String yaml, int line, String key, String message, boolean alertmanagerRejects) {
  @Override
  public String toString() {
    return name;
  }

  static List<InvalidConfigCases> all() {
    return List.of(
        new InvalidConfigCases("bad regex in matchers", """
            route:
              receiver: default
              routes:
                - matchers: ['service=~"api(.*"']
                  receiver: default
            receivers:
              - name: default
            """, 4, "route.routes[0].matchers[0]", "invalid regular expression \"api(.*\": missing closing )", true),
        new InvalidConfigCases("bad regex in match_re", """
            route:
              receiver: default
              routes:
                - receiver: default
                  match_re:
                    service: '(api'
            receivers:
              - name: default
            """, 6, "route.routes[0].match_re.service", "invalid regular expression \"(api\"", true),
        new InvalidConfigCases("bad regex in an inhibit rule", """
            route:
              receiver: default
            receivers:
              - name: default
            inhibit_rules:
              - source_matchers: ['alertname=~"[a-"']
                target_matchers: ['severity="warning"']
            """, 6, "inhibit_rules[0].source_matchers[0]", "invalid regular expression \"[a-\"", true),
        new InvalidConfigCases("receiver referenced by a route but not defined", """
            route:
              receiver: default
              routes:
                - receiver: platform-team
                  matchers: ['team="platform"']
            receivers:
              - name: default
            """, 4, "route.routes[0].receiver", "undefined receiver \"platform-team\"", true),
        new InvalidConfigCases("receiver referenced by a team but not defined", """
            route:
              receiver: default
            receivers:
              - name: default
            teams:
              platform:
                receivers:
                  P0: [pager]
            """, 8, "teams.platform.receivers.P0[0]", "undefined receiver \"pager\"", false),
        new InvalidConfigCases("team with an empty value", """
            route:
              receiver: default
            receivers:
              - name: default
            teams:
              platform:
                value: ""
                receivers:
                  P0: default
            """, 7, "teams.platform.value", "must not be empty", false),
        new InvalidConfigCases("duplicate receiver", """
            route:
              receiver: default
            receivers:
              - name: default
              - name: default
            """, 5, "receivers[1].name", "receiver \"default\" is defined twice (first at ", true),
        new InvalidConfigCases("bad duration", """
            route:
              receiver: default
              group_wait: 30 seconds
            receivers:
              - name: default
            """, 3, "route.group_wait", "not a valid duration string: \"30 seconds\"", true),
        new InvalidConfigCases("zero group_interval", """
            route:
              receiver: default
              group_interval: 0s
            receivers:
              - name: default
            """, 3, "route.group_interval", "group_interval cannot be zero", true),
        new InvalidConfigCases("bad duration in global", """
            global:
              resolve_timeout: 5 minutes
            route:
              receiver: default
            receivers:
              - name: default
            """, 2, "global.resolve_timeout", "not a valid duration string", true),
        new InvalidConfigCases("missing receiver on the root route", """
            route:
              group_by: [alertname]
            receivers:
              - name: default
            """, 1, "route.receiver", "root route must specify a default receiver", true),
        new InvalidConfigCases("missing receiver name", """
            route:
              receiver: default
            receivers:
              - name: default
              - webhook_configs:
                  - url: http://127.0.0.1:9/hook
            """, 5, "receivers[1].name", "missing name in receiver", true),
        new InvalidConfigCases("missing email to", """
            global:
              smtp_from: alerts@tta.dev
              smtp_smarthost: smtp.tta.dev:25
            route:
              receiver: default
            receivers:
              - name: default
                email_configs:
                  - from: oncall@tta.dev
            """, 9, "receivers[0].email_configs[0].to", "missing to address in email config", true),
        new InvalidConfigCases("webhook without url", """
            route:
              receiver: default
            receivers:
              - name: default
                webhook_configs:
                  - max_alerts: 5
            """, 6, "receivers[0].webhook_configs[0].url", "one of url or url_file must be configured", true),
        new InvalidConfigCases("missing time interval name", """
            route:
              receiver: default
            receivers:
              - name: default
            time_intervals:
              - time_intervals: [{weekdays: [monday]}]
            """, 6, "time_intervals[0].name", "missing name in time interval", true),
        new InvalidConfigCases("integration type not supported", """
            route:
              receiver: default
            receivers:
              - name: default
                pushover_configs:
                  - user_key: not-a-key
                    token: not-a-token
            """, 5, "receivers[0].pushover_configs", "pushover is not supported by alert-router", false),
        new InvalidConfigCases("unknown key", """
            route:
              receiver: default
              group_wiat: 10s
            receivers:
              - name: default
            """, 3, "route.group_wiat", "unknown key (did you mean \"group_wait\"?)", true),
        new InvalidConfigCases("same key twice in one mapping", """
            route:
              receiver: default
              group_wait: 10s
              group_wait: 20s
            receivers:
              - name: default
            """, 4, "route.group_wait", "key \"group_wait\" is defined twice (first at line 3)", true),
        new InvalidConfigCases("unknown key in an integration", """
            route:
              receiver: default
            receivers:
              - name: default
                slack_configs:
                  - api_url: https://hooks.slack.com/services/x
                    chanel: '#alerts'
            """, 7, "receivers[0].slack_configs[0].chanel", "unknown key", true),
        new InvalidConfigCases("value and its _file both set", """
            route:
              receiver: default
            receivers:
              - name: default
                slack_configs:
                  - api_url: https://hooks.slack.com/services/x
                    api_url_file: slack-url.txt
            """, 7, "receivers[0].slack_configs[0].api_url_file",
            "at most one of api_url & api_url_file must be configured", true),
        new InvalidConfigCases("secret file that cannot be read", """
            route:
              receiver: default
            receivers:
              - name: default
                pagerduty_configs:
                  - routing_key_file: /nonexistent/pagerduty-key
            """, 6, "receivers[0].pagerduty_configs[0].routing_key_file",
            "cannot read file \"/nonexistent/pagerduty-key\": no such file", false),
        new InvalidConfigCases("undefined time interval", """
            route:
              receiver: default
              routes:
                - receiver: default
                  mute_time_intervals: [nights]
            receivers:
              - name: default
            """, 5, "route.routes[0].mute_time_intervals[0]", "undefined time interval \"nights\"", true),
        new InvalidConfigCases("bad weekday range", """
            route:
              receiver: default
            receivers:
              - name: default
            time_intervals:
              - name: weekends
                time_intervals:
                  - weekdays: ['saturday:sunday']
            """, 8, "time_intervals[0].time_intervals[0].weekdays[0]", "start day cannot be before end day", true),
        new InvalidConfigCases("invalid label name in group_by", """
            route:
              receiver: default
              group_by: [alertname, team-name]
            receivers:
              - name: default
            """, 3, "route.group_by[1]", "invalid label name \"team-name\" in group_by list", true),
        new InvalidConfigCases("invalid label name in match", """
            route:
              receiver: default
              routes:
                - receiver: default
                  match:
                    team-name: platform
            receivers:
              - name: default
            """, 6, "route.routes[0].match.team-name", "invalid label name \"team-name\"", true),
        new InvalidConfigCases("matchers on the root route", """
            route:
              receiver: default
              matchers: ['team="platform"']
            receivers:
              - name: default
            """, 3, "route.matchers", "root route must not have any matchers", true),
        new InvalidConfigCases("continue on the root route", """
            route:
              receiver: default
              continue: true
            receivers:
              - name: default
            """, 3, "route.continue", "cannot have continue in root route", true),
        new InvalidConfigCases("webhook url that is not http", """
            route:
              receiver: default
            receivers:
              - name: default
                webhook_configs:
                  - url: ftp://127.0.0.1/hook
            """, 6, "receivers[0].webhook_configs[0].url", "unsupported scheme for URL", true),
        new InvalidConfigCases("smarthost without port", """
            global:
              smtp_smarthost: smtp.tta.dev
            route:
              receiver: default
            receivers:
              - name: default
            """, 2, "global.smtp_smarthost", "missing port in address", true),
        new InvalidConfigCases("YAML syntax error", """
            route:
              receiver: default
            receivers:
              - name: default
               webhook_configs: []
            """, 5, "", "invalid YAML", true),
        new InvalidConfigCases("unset environment variable", """
            route:
              receiver: default
            receivers:
              - name: default
                slack_configs:
                  - api_url: https://hooks.slack.com/services/x
                    channel: ${SLACK_CHANNEL}
            """, 7, "receivers[0].slack_configs[0].channel", "environment variable ${SLACK_CHANNEL} not set", false),
        new InvalidConfigCases("unknown priority", """
            route:
              receiver: default
            receivers:
              - name: default
            severity:
              levels: {critical: P9}
            """, 6, "severity.levels.critical", "unknown priority \"P9\" (want P0, P1 or P2)", false),
        new InvalidConfigCases("bad request size", """
            route:
              receiver: default
            receivers:
              - name: default
            server:
              max_request_size: 10 megabytes
            """, 6, "server.max_request_size", "expected a positive size", false),
        new InvalidConfigCases("two forms of server auth", """
            route:
              receiver: default
            receivers:
              - name: default
            server:
              admin_auth:
                bearer_token: a
                basic_auth: {username: admin, password: b}
            """, 6, "server.admin_auth", "exactly one of bearer_token, bearer_token_file and basic_auth", false),
        new InvalidConfigCases("runbook template with a bad placeholder", """
            route:
              receiver: default
            receivers:
              - name: default
            runbooks:
              url_template: https://runbooks.tta.dev/{alert-name}
            """, 6, "runbooks.url_template", "\"{alert-name}\" in url_template is not a label name", false),
        new InvalidConfigCases("telegram without chat_id", """
            route:
              receiver: default
            receivers:
              - name: default
                telegram_configs:
                  - bot_token: not-a-token
            """, 6, "receivers[0].telegram_configs[0].chat_id", "missing chat_id on telegram_config", true),
        new InvalidConfigCases("telegram without bot_token", """
            route:
              receiver: default
            receivers:
              - name: default
                telegram_configs:
                  - chat_id: -100123
            """, 6, "receivers[0].telegram_configs[0].bot_token", "missing bot_token or bot_token_file", true),
        new InvalidConfigCases("discord without webhook_url", """
            route:
              receiver: default
            receivers:
              - name: default
                discord_configs:
                  - title: down
            """, 6, "receivers[0].discord_configs[0].webhook_url",
            "one of webhook_url or webhook_url_file must be configured", true),
        new InvalidConfigCases("discord webhook_url not a URL", """
            route:
              receiver: default
            receivers:
              - name: default
                discord_configs:
                  - webhook_url: 'ftp://discord.example/api/webhooks/1/x'
            """, 6, "receivers[0].discord_configs[0].webhook_url", "unsupported scheme for URL", true),
        new InvalidConfigCases("opsgenie without any api key", """
            route:
              receiver: default
            receivers:
              - name: default
                opsgenie_configs:
                  - priority: P1
            """, 6, "receivers[0].opsgenie_configs[0].api_key", "no global OpsGenie API Key set", true),
        new InvalidConfigCases("opsgenie responder of an unknown type", """
            global:
              opsgenie_api_key: not-a-key
            route:
              receiver: default
            receivers:
              - name: default
                opsgenie_configs:
                  - responders:
                      - name: platform
                        type: squad
            """, 10, "receivers[0].opsgenie_configs[0].responders[0].type", "responder type must be one of", true),
        new InvalidConfigCases("opsgenie priority Opsgenie does not have", """
            global:
              opsgenie_api_key: not-a-key
            route:
              receiver: default
            receivers:
              - name: default
                opsgenie_configs:
                  - priority: P0
            """, 8, "receivers[0].opsgenie_configs[0].priority", "must be one of P1, P2, P3, P4, P5", false),
        new InvalidConfigCases("msteams without webhook_url", """
            route:
              receiver: default
            receivers:
              - name: default
                msteams_configs:
                  - send_resolved: false
            """, 6, "receivers[0].msteams_configs[0].webhook_url",
            "one of webhook_url or webhook_url_file must be configured", false),
        new InvalidConfigCases("msteamsv2 with an unknown key", """
            route:
              receiver: default
            receivers:
              - name: default
                msteamsv2_configs:
                  - webhook_url: 'https://prod.westeurope.logic.azure.com/workflows/x'
                    summary: 'v2 has no summary'
            """, 7, "receivers[0].msteamsv2_configs[0].summary", "unknown key", false));
  }
}
