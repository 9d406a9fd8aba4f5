-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'moderation';

-- AlterTable
ALTER TABLE "Notification" ALTER COLUMN "actorId" DROP NOT NULL;
