-- Live inbox: relations for last/quoted messages, inbox totals kept by triggers, reply templates,
-- and indexes for every list order, filter, search and the outbox.

ALTER TABLE "Conversation" ADD CONSTRAINT "Conversation_lastMessageId_fkey" FOREIGN KEY ("lastMessageId") REFERENCES "Message"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Message" ADD CONSTRAINT "Message_quotedMessageId_fkey" FOREIGN KEY ("quotedMessageId") REFERENCES "Message"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "InboxCounter" (
    "businessId" TEXT NOT NULL,
    "open" INTEGER NOT NULL DEFAULT 0,
    "pending" INTEGER NOT NULL DEFAULT 0,
    "unread" INTEGER NOT NULL DEFAULT 0,
    "aiHandled" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "InboxCounter_pkey" PRIMARY KEY ("businessId")
);
ALTER TABLE "InboxCounter" ADD CONSTRAINT "InboxCounter_businessId_fkey" FOREIGN KEY ("businessId") REFERENCES "Business"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "ReplyTemplate" (
    "id" TEXT NOT NULL,
    "businessId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "language" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "ReplyTemplate_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ReplyTemplate_businessId_name_key" ON "ReplyTemplate"("businessId", "name");
ALTER TABLE "ReplyTemplate" ADD CONSTRAINT "ReplyTemplate_businessId_fkey" FOREIGN KEY ("businessId") REFERENCES "Business"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A conversation's contribution to its business's totals; the triggers below apply the difference
-- between the old and new row, so every writer (Prisma, raw SQL, batches) keeps them exact.
CREATE FUNCTION "inbox_counter_apply"(business TEXT, sign INTEGER, status "ConversationStatus", controller "Controller", unread INTEGER)
RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "InboxCounter" ("businessId", "open", "pending", "unread", "aiHandled")
  VALUES (business,
    sign * (status = 'OPEN')::int,
    sign * (status = 'PENDING')::int,
    sign * (unread > 0)::int,
    sign * (controller = 'AI' AND status <> 'RESOLVED')::int)
  ON CONFLICT ("businessId") DO UPDATE SET
    "open" = "InboxCounter"."open" + EXCLUDED."open",
    "pending" = "InboxCounter"."pending" + EXCLUDED."pending",
    "unread" = "InboxCounter"."unread" + EXCLUDED."unread",
    "aiHandled" = "InboxCounter"."aiHandled" + EXCLUDED."aiHandled";
END $$;

CREATE FUNCTION "conversation_inbox_counter"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND OLD."businessId" = NEW."businessId" AND OLD.status = NEW.status AND OLD.controller = NEW.controller
     AND (OLD."unreadCount" > 0) = (NEW."unreadCount" > 0) THEN
    -- Nothing counted changed: spare the business's counter row (a hot row) the write.
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM "inbox_counter_apply"(OLD."businessId", -1, OLD.status, OLD.controller, OLD."unreadCount");
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    PERFORM "inbox_counter_apply"(NEW."businessId", 1, NEW.status, NEW.controller, NEW."unreadCount");
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Conversation_inbox_counter"
AFTER INSERT OR UPDATE OR DELETE ON "Conversation"
FOR EACH ROW EXECUTE FUNCTION "conversation_inbox_counter"();

INSERT INTO "InboxCounter" ("businessId", "open", "pending", "unread", "aiHandled")
SELECT "businessId",
  count(*) FILTER (WHERE status = 'OPEN'),
  count(*) FILTER (WHERE status = 'PENDING'),
  count(*) FILTER (WHERE "unreadCount" > 0),
  count(*) FILTER (WHERE controller = 'AI' AND status <> 'RESOLVED')
FROM "Conversation" GROUP BY "businessId";

-- Inbox lists: newest activity first, with and without each filter.
CREATE INDEX "Conversation_inbox_order_idx" ON "Conversation"("businessId", "lastMessageAt" DESC NULLS LAST, "id" DESC);
CREATE INDEX "Conversation_inbox_status_idx" ON "Conversation"("businessId", "status", "lastMessageAt" DESC NULLS LAST, "id" DESC);
CREATE INDEX "Conversation_inbox_controller_idx" ON "Conversation"("businessId", "controller", "lastMessageAt" DESC NULLS LAST, "id" DESC);
CREATE INDEX "Conversation_inbox_assignee_idx" ON "Conversation"("businessId", "assigneeId", "lastMessageAt" DESC NULLS LAST, "id" DESC);
CREATE INDEX "Conversation_inbox_unread_idx" ON "Conversation"("businessId", "lastMessageAt" DESC NULLS LAST, "id" DESC) WHERE "unreadCount" > 0;
CREATE INDEX "Conversation_contactId_idx" ON "Conversation"("contactId");
-- Full-text search over message bodies (the 'simple' configuration: no language-specific stemming,
-- so Latvian, Russian and German text is searchable word by word).
CREATE INDEX "Message_body_search_idx" ON "Message" USING GIN (to_tsvector('simple', coalesce("body", '')));
-- The outbox claims due QUEUED rows oldest first; only those rows are in this index.
CREATE INDEX "Message_outbox_due_idx" ON "Message"("nextAttemptAt", "createdAt") WHERE "status" = 'QUEUED';
CREATE INDEX "Event_businessId_createdAt_idx" ON "Event"("businessId", "createdAt");
