import { ForbiddenNotice } from "@/components/forbidden-notice";

export default function Forbidden() {
  return <ForbiddenNotice only="Only admins can change roles, the site's rules, limits and the word filter." />;
}
