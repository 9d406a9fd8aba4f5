import { ForbiddenNotice } from "@/components/forbidden-notice";

export default function Forbidden() {
  return <ForbiddenNotice only="Only editors can import and review articles." />;
}
