import type { Metadata } from "next";
import { forbidden, redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { listUsersForAdmin } from "@/lib/accounts/users";
import { listWordFilters } from "@/lib/moderation/word-filters";
import { listSiteRules } from "@/lib/moderation/rules";
import { getSettings, SETTING_LABELS, type SettingKey } from "@/lib/platform/settings";
import { can } from "@/lib/policy";
import { Link } from "@/components/ui/link";
import { RemoveFilter, RoleSelect, SettingInput, SiteRuleForm, WordFilterForm } from "./admin-controls";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/signin?callbackUrl=/admin");
  if (!can(user, "settings.manage")) forbidden();
  const [users, filters, settings, rules] = await Promise.all([listUsersForAdmin(), listWordFilters(), getSettings(), listSiteRules({ withRetired: true })]);
  return (
    <div className="space-y-10">
      <h1 className="font-serif text-3xl font-semibold">Admin</h1>
      <section className="space-y-3">
        <h2 className="text-xl font-semibold">Roles</h2>
        <table className="w-full text-sm">
          <thead>
            <tr className="border-b border-line text-left">
              <th className="py-2">Name</th>
              <th>Email</th>
              <th>Role</th>
            </tr>
          </thead>
          <tbody>
            {users.map((account) => (
              <tr key={account.id} className="border-b border-line">
                <td className="py-2">{account.name}</td>
                <td>{account.email}</td>
                <td>
                  <RoleSelect userId={account.id} role={account.role} disabled={account.id === user.id} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="space-y-3" aria-labelledby="site-rules">
        <h2 id="site-rules" className="text-xl font-semibold">
          Site rules
        </h2>
        <p className="text-sm text-muted">
          Readers report under these rules and every moderation action cites one; the author, the reporter and the{" "}
          <Link href="/moderation/log" className="text-accent underline underline-offset-2">
            public log
          </Link>{" "}
          show its name. Readers see them on{" "}
          <Link href="/rules" className="text-accent underline underline-offset-2">
            the rules page
          </Link>
          .
        </p>
        {rules.map((rule) => (
          <SiteRuleForm key={`${rule.id}-${rule.name}-${rule.text}-${rule.needsNote}`} rule={rule} />
        ))}
        <SiteRuleForm rule={null} />
      </section>
      <section className="space-y-3">
        <h2 className="text-xl font-semibold">Limits</h2>
        {(Object.keys(SETTING_LABELS) as SettingKey[]).map((key) => (
          <SettingInput key={key} settingKey={key} label={SETTING_LABELS[key]} value={settings[key]} />
        ))}
      </section>
      <section className="space-y-3">
        <h2 className="text-xl font-semibold">Word filter</h2>
        <WordFilterForm />
        <ul className="space-y-1 text-sm">
          {filters.map((filter) => (
            <li key={filter.id}>
              <code>{filter.pattern}</code> — {filter.mode === "block" ? "refuses the post" : "holds it for review"} <RemoveFilter id={filter.id} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
