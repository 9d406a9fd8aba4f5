import { ForbiddenNotice } from "@/components/forbidden-notice";

export default function Forbidden() {
  return <ForbiddenNotice only="Only staff can use this page." />;
}
