-- WhatsApp lines: Evolution identity and token of each instance, connection bookkeeping for the
-- watchdog, group contacts, message senders in groups, and leases for singleton workers.

ALTER TABLE "Instance" ADD COLUMN "remoteId" TEXT;
ALTER TABLE "Instance" ADD COLUMN "tokenEncrypted" TEXT;
ALTER TABLE "Instance" ADD COLUMN "connectionState" TEXT;
ALTER TABLE "Instance" ADD COLUMN "statusReason" INTEGER;
ALTER TABLE "Instance" ADD COLUMN "reconnectAttempts" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Instance" ADD COLUMN "nextReconnectAt" TIMESTAMP(3);
ALTER TABLE "Instance" ADD COLUMN "lastInboundAt" TIMESTAMP(3);
ALTER TABLE "Instance" ADD COLUMN "lastOutboundAt" TIMESTAMP(3);

-- One live WhatsApp line per business: setupWhatsApp is idempotent on it.
CREATE UNIQUE INDEX "Instance_one_live_line_per_business" ON "Instance"("businessId") WHERE "deletedAt" IS NULL;

ALTER TABLE "Contact" ADD COLUMN "isGroup" BOOLEAN NOT NULL DEFAULT false;
CREATE INDEX "Contact_jids_idx" ON "Contact" USING GIN ("jids");

ALTER TABLE "Message" ADD COLUMN "senderJid" TEXT;
ALTER TABLE "Message" ADD COLUMN "senderName" TEXT;

CREATE TABLE "WorkerLease" (
    "name" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "WorkerLease_pkey" PRIMARY KEY ("name")
);
