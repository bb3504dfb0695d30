-- AI replies (traces, drafts, ratings, pending work on conversations), usage metering, response
-- times for analytics, voice calls and conversation exports.

CREATE TYPE "CallStatus" AS ENUM ('RINGING', 'IN_PROGRESS', 'COMPLETED', 'BUSY', 'NO_ANSWER', 'FAILED', 'CANCELED');
CREATE TYPE "CallOutcome" AS ENUM ('AI_ANSWERED', 'FORWARDED', 'MESSAGE_TAKEN', 'MISSED', 'OVER_LIMIT', 'NO_SPEECH', 'TIME_LIMIT');
CREATE TYPE "AiOutcome" AS ENUM ('REPLIED', 'DRAFTED', 'HANDED_OFF', 'SKIPPED', 'FAILED');
CREATE TYPE "AiRating" AS ENUM ('GOOD', 'BAD');
CREATE TYPE "AiDraftStatus" AS ENUM ('PENDING', 'APPROVED', 'DISCARDED');
CREATE TYPE "ExportFormat" AS ENUM ('CSV', 'JSONL');
CREATE TYPE "ExportStatus" AS ENUM ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED');

ALTER TABLE "AiRun" DROP COLUMN "decision", DROP COLUMN "rating",
    ADD COLUMN "inboundMessageIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    ADD COLUMN "promptVersion" TEXT,
    ADD COLUMN "outcome" "AiOutcome" NOT NULL,
    ADD COLUMN "skipReason" TEXT,
    ADD COLUMN "handoffReason" TEXT,
    ADD COLUMN "fallbackUsed" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "draftStatus" "AiDraftStatus",
    ADD COLUMN "tokensIn" INTEGER,
    ADD COLUMN "tokensOut" INTEGER,
    ADD COLUMN "rating" "AiRating",
    ADD COLUMN "correction" TEXT,
    ADD COLUMN "ratedById" TEXT,
    ADD COLUMN "ratedAt" TIMESTAMP(3);
CREATE INDEX "AiRun_messageId_idx" ON "AiRun"("messageId");
CREATE INDEX "AiRun_callId_idx" ON "AiRun"("callId");
CREATE INDEX "AiRun_businessId_rating_intent_idx" ON "AiRun"("businessId", "rating", "intent");

ALTER TABLE "Conversation"
    ADD COLUMN "aiPendingSince" TIMESTAMP(3),
    ADD COLUMN "aiLeaseUntil" TIMESTAMP(3),
    ADD COLUMN "lastInboundAt" TIMESTAMP(3),
    ADD COLUMN "awaitingReplySince" TIMESTAMP(3),
    ADD COLUMN "controllerChangedAt" TIMESTAMP(3),
    ADD COLUMN "handoffReason" TEXT;
-- The AI worker's queue: only conversations with undecided customer messages.
CREATE INDEX "Conversation_aiPending_idx" ON "Conversation"("aiPendingSince") WHERE "aiPendingSince" IS NOT NULL;
-- HUMAN conversations the idle hand-back looks at.
CREATE INDEX "Conversation_human_idx" ON "Conversation"("lastMessageAt") WHERE controller = 'HUMAN';

ALTER TABLE "Message" ADD COLUMN "usagePeriod" TEXT;

ALTER TABLE "UsageCounter" ADD COLUMN "thresholdsNotified" TEXT[] DEFAULT ARRAY[]::TEXT[];

ALTER TABLE "PhoneNumber"
    ADD COLUMN "friendlyName" TEXT,
    ADD COLUMN "voiceUrl" TEXT,
    ADD COLUMN "statusCallbackUrl" TEXT;

ALTER TABLE "Call"
    ALTER COLUMN "status" TYPE "CallStatus" USING "status"::"CallStatus",
    ALTER COLUMN "outcome" TYPE "CallOutcome" USING "outcome"::"CallOutcome",
    ADD COLUMN "language" TEXT,
    ADD COLUMN "silences" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "recordingUrl" TEXT,
    ADD COLUMN "usagePeriod" TEXT;
CREATE INDEX "Call_contactId_startedAt_idx" ON "Call"("contactId", "startedAt");

CREATE TABLE "ResponseTime" (
    "messageId" TEXT NOT NULL,
    "businessId" TEXT NOT NULL,
    "instanceId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "author" "MessageAuthor" NOT NULL,
    "inboundAt" TIMESTAMP(3) NOT NULL,
    "repliedAt" TIMESTAMP(3) NOT NULL,
    "seconds" DOUBLE PRECISION NOT NULL,
    CONSTRAINT "ResponseTime_pkey" PRIMARY KEY ("messageId")
);
CREATE INDEX "ResponseTime_businessId_repliedAt_idx" ON "ResponseTime"("businessId", "repliedAt");
ALTER TABLE "ResponseTime" ADD CONSTRAINT "ResponseTime_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ResponseTime" ADD CONSTRAINT "ResponseTime_businessId_fkey" FOREIGN KEY ("businessId") REFERENCES "Business"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ResponseTime" ADD CONSTRAINT "ResponseTime_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "ExportJob" (
    "id" TEXT NOT NULL,
    "businessId" TEXT NOT NULL,
    "requestedBy" TEXT NOT NULL,
    "format" "ExportFormat" NOT NULL,
    "from" TIMESTAMP(3) NOT NULL,
    "to" TIMESTAMP(3) NOT NULL,
    "status" "ExportStatus" NOT NULL DEFAULT 'QUEUED',
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "rowCount" INTEGER NOT NULL DEFAULT 0,
    "totalRows" INTEGER,
    "fileName" TEXT,
    "byteSize" INTEGER,
    "error" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    CONSTRAINT "ExportJob_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "ExportJob_businessId_createdAt_idx" ON "ExportJob"("businessId", "createdAt");
CREATE INDEX "ExportJob_status_createdAt_idx" ON "ExportJob"("status", "createdAt");
ALTER TABLE "ExportJob" ADD CONSTRAINT "ExportJob_businessId_fkey" FOREIGN KEY ("businessId") REFERENCES "Business"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every stored message moves its conversation's reply clock and AI queue. AFTER INSERT, so a
-- redelivered webhook that ON CONFLICT DO NOTHING skipped changes nothing.
--   customer message: the reply clock starts (if not running); a text leaves work for the AI;
--   reply (not a reaction): its response time is recorded and the clock stops; a human reply
--   (agent, or the business's phone) cancels pending AI work, and a phone reply takes over.
CREATE FUNCTION "message_conversation_clock"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
    since TIMESTAMP(3);
BEGIN
    IF NEW.direction = 'INBOUND' THEN
        UPDATE "Conversation" SET
            "awaitingReplySince" = COALESCE("awaitingReplySince", NEW."createdAt"),
            "lastInboundAt" = GREATEST("lastInboundAt", NEW."createdAt"),
            "aiPendingSince" = CASE WHEN NEW.type = 'TEXT' THEN COALESCE("aiPendingSince", NEW."createdAt") ELSE "aiPendingSince" END
        WHERE id = NEW."conversationId";
    ELSIF NEW.type <> 'REACTION' THEN
        SELECT "awaitingReplySince" INTO since FROM "Conversation" WHERE id = NEW."conversationId" FOR UPDATE;
        IF since IS NOT NULL THEN
            INSERT INTO "ResponseTime" ("messageId", "businessId", "instanceId", "conversationId", author, "inboundAt", "repliedAt", seconds)
            VALUES (NEW.id, NEW."businessId", NEW."instanceId", NEW."conversationId", NEW.author, since, NEW."createdAt",
                    GREATEST(0, EXTRACT(EPOCH FROM (NEW."createdAt" - since))));
        END IF;
        UPDATE "Conversation" SET
            "awaitingReplySince" = NULL,
            "aiPendingSince" = CASE WHEN NEW.author IN ('AGENT', 'PHONE') THEN NULL ELSE "aiPendingSince" END,
            controller = CASE WHEN NEW.author = 'PHONE' THEN 'HUMAN'::"Controller" ELSE controller END,
            "controllerChangedAt" = CASE WHEN NEW.author = 'PHONE' AND controller = 'AI' THEN NEW."createdAt" ELSE "controllerChangedAt" END,
            "handoffReason" = CASE WHEN NEW.author = 'PHONE' AND controller = 'AI' THEN 'HUMAN_REPLIED' ELSE "handoffReason" END
        WHERE id = NEW."conversationId"
          AND ("awaitingReplySince" IS NOT NULL OR ("aiPendingSince" IS NOT NULL AND NEW.author IN ('AGENT', 'PHONE'))
               OR (NEW.author = 'PHONE' AND controller = 'AI'));
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER "Message_conversation_clock"
AFTER INSERT ON "Message"
FOR EACH ROW EXECUTE FUNCTION "message_conversation_clock"();
