-- CreateIndex
CREATE INDEX "Response_claimId_createdAt_id_idx" ON "Response"("claimId", "createdAt", "id");
