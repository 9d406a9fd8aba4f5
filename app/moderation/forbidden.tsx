import { ForbiddenNotice } from "@/components/forbidden-notice";

export default function Forbidden() {
  return <ForbiddenNotice only="Only moderators can see the moderation queue." />;
}
