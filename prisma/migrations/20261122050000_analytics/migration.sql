-- Analytics: a rollup of message counts per conversation and 15-minute slot (UTC), kept exact by
-- triggers in the same transaction as every change to messages and AI runs, plus the indexes the
-- analytics queries read.
--
-- Why 15 minutes: every time zone in use today is a whole number of quarter hours away from UTC
-- (Asia/Kathmandu +05:45, Asia/Kolkata +05:30) and changes its offset on a quarter hour, so a
-- 15-minute UTC slot lies inside one local hour, local day and local week. Local buckets of any
-- granularity are then sums of whole slots, and `AT TIME ZONE` runs once per slot, not per message.

-- The slot of an instant (UTC wall time, like every timestamp column here): its 15-minute floor.
CREATE FUNCTION "analytics_slot"(at TIMESTAMP) RETURNS TIMESTAMP
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN date_bin('15 minutes', at, TIMESTAMP '2000-01-01 00:00:00');

-- One row per (business, 15-minute slot, conversation, line) with a message; a row left without
-- messages or response times is deleted. Counts:
--   messages       every message, CANCELED ones too
--   inbound        customer messages (every type, every status)
--   outbound       our messages except CANCELED
--   aiReplies      outbound by the AI (not CANCELED);  humanReplies: by an AGENT or from the business's PHONE
--   sent           outbound that left us: SENT, DELIVERED, READ, PLAYED or FAILED
--   delivered      outbound DELIVERED, READ or PLAYED;  read: READ or PLAYED;  failed: FAILED
--   aiProcessed    inbound messages listed by an AI run that REPLIED, DRAFTED or HANDED_OFF
--   responses, responseMillis   response times (ResponseTime) of replies written in the slot: count, sum in ms
CREATE TABLE "AnalyticsSlot" (
    "businessId" TEXT NOT NULL,
    "slot" TIMESTAMP(3) NOT NULL,
    "conversationId" TEXT NOT NULL,
    "instanceId" TEXT NOT NULL,
    "messages" INTEGER NOT NULL DEFAULT 0,
    "inbound" INTEGER NOT NULL DEFAULT 0,
    "outbound" INTEGER NOT NULL DEFAULT 0,
    "aiReplies" INTEGER NOT NULL DEFAULT 0,
    "humanReplies" INTEGER NOT NULL DEFAULT 0,
    "sent" INTEGER NOT NULL DEFAULT 0,
    "delivered" INTEGER NOT NULL DEFAULT 0,
    "read" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "aiProcessed" INTEGER NOT NULL DEFAULT 0,
    "responses" INTEGER NOT NULL DEFAULT 0,
    "responseMillis" BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT "AnalyticsSlot_pkey" PRIMARY KEY ("businessId", "slot", "conversationId", "instanceId")
) WITH (fillfactor = 80);
ALTER TABLE "AnalyticsSlot" ADD CONSTRAINT "AnalyticsSlot_businessId_fkey" FOREIGN KEY ("businessId") REFERENCES "Business"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AnalyticsSlot" ADD CONSTRAINT "AnalyticsSlot_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
CREATE INDEX "AnalyticsSlot_conversationId_idx" ON "AnalyticsSlot"("conversationId");
-- Platform analytics reads every business's slots by time; rows are written in time order.
CREATE INDEX "AnalyticsSlot_slot_brin_idx" ON "AnalyticsSlot" USING BRIN ("slot");

-- The same counts per line (instance) and slot, summed over conversations: what totals, series and
-- busiest hours read (a business has many conversations per slot, and one line). Kept without
-- contention: changes to AnalyticsSlot rows are appended to AnalyticsLineChange (never updated, so
-- writers never wait for each other), and `analytics_compact` folds a business's changes into
-- AnalyticsLineSlot before its analytics are read. Readers add any changes not folded yet.
CREATE TABLE "AnalyticsLineSlot" (
    "businessId" TEXT NOT NULL,
    "slot" TIMESTAMP(3) NOT NULL,
    "instanceId" TEXT NOT NULL,
    "inbound" INTEGER NOT NULL DEFAULT 0,
    "outbound" INTEGER NOT NULL DEFAULT 0,
    "aiReplies" INTEGER NOT NULL DEFAULT 0,
    "humanReplies" INTEGER NOT NULL DEFAULT 0,
    "sent" INTEGER NOT NULL DEFAULT 0,
    "delivered" INTEGER NOT NULL DEFAULT 0,
    "read" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "aiProcessed" INTEGER NOT NULL DEFAULT 0,
    "responses" INTEGER NOT NULL DEFAULT 0,
    "responseMillis" BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT "AnalyticsLineSlot_pkey" PRIMARY KEY ("businessId", "slot", "instanceId")
);
ALTER TABLE "AnalyticsLineSlot" ADD CONSTRAINT "AnalyticsLineSlot_businessId_fkey" FOREIGN KEY ("businessId") REFERENCES "Business"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- No foreign key: rows are written while a business's messages are deleted with it.
CREATE TABLE "AnalyticsLineChange" (
    "id" BIGSERIAL NOT NULL,
    "businessId" TEXT NOT NULL,
    "slot" TIMESTAMP(3) NOT NULL,
    "instanceId" TEXT NOT NULL,
    "inbound" INTEGER NOT NULL DEFAULT 0,
    "outbound" INTEGER NOT NULL DEFAULT 0,
    "aiReplies" INTEGER NOT NULL DEFAULT 0,
    "humanReplies" INTEGER NOT NULL DEFAULT 0,
    "sent" INTEGER NOT NULL DEFAULT 0,
    "delivered" INTEGER NOT NULL DEFAULT 0,
    "read" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "aiProcessed" INTEGER NOT NULL DEFAULT 0,
    "responses" INTEGER NOT NULL DEFAULT 0,
    "responseMillis" BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT "AnalyticsLineChange_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "AnalyticsLineChange_businessId_slot_idx" ON "AnalyticsLineChange"("businessId", "slot");

-- How many counted AI runs (REPLIED, DRAFTED, HANDED_OFF) list each message id: an inbound
-- message is AI-processed while this is above 0, however many runs list it. Kept by the AiRun
-- triggers below; the unique key serialises concurrent runs that list the same message.
CREATE TABLE "AnalyticsAiCoverage" (
    "businessId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "runs" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "AnalyticsAiCoverage_pkey" PRIMARY KEY ("businessId", "messageId")
);
ALTER TABLE "AnalyticsAiCoverage" ADD CONSTRAINT "AnalyticsAiCoverage_businessId_fkey" FOREIGN KEY ("businessId") REFERENCES "Business"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Whether a counted AI run lists this message of the business.
CREATE FUNCTION "analytics_ai_counted"(business TEXT, message TEXT) RETURNS BOOLEAN
LANGUAGE sql STABLE PARALLEL SAFE
RETURN EXISTS (SELECT 1 FROM "AnalyticsAiCoverage" c WHERE c."businessId" = business AND c."messageId" = message AND c.runs > 0);

-- Deletes the rows of these keys that are left without messages and response times.
CREATE FUNCTION "analytics_slots_prune"(businesses TEXT[], slots TIMESTAMP[], conversations TEXT[], instances TEXT[]) RETURNS VOID
LANGUAGE sql AS $$
    DELETE FROM "AnalyticsSlot" s
    USING (SELECT DISTINCT * FROM unnest(businesses, slots, conversations, instances) AS k(business, slot, conversation, instance)) k
    WHERE s."businessId" = k.business AND s.slot = k.slot AND s."conversationId" = k.conversation AND s."instanceId" = k.instance
      AND s.messages = 0 AND s.responses = 0;
$$;

-- Message changes, a statement at a time (transition tables), so bulk writes cost one upsert per slot.
-- Rows are locked in key order. Deletes only ever decrement rows that exist: a business or
-- conversation being deleted takes its rollup rows with it (cascade) and must not bring them back.
CREATE FUNCTION "analytics_message_inserted"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "AnalyticsSlot" AS s ("businessId", slot, "conversationId", "instanceId", messages, inbound, outbound,
        "aiReplies", "humanReplies", sent, delivered, read, failed, "aiProcessed")
    SELECT n."businessId", "analytics_slot"(n."createdAt"), n."conversationId", n."instanceId",
        count(*),
        count(*) FILTER (WHERE n.direction = 'INBOUND'),
        count(*) FILTER (WHERE n.direction = 'OUTBOUND' AND n.status <> 'CANCELED'),
        count(*) FILTER (WHERE n.direction = 'OUTBOUND' AND n.status <> 'CANCELED' AND n.author = 'AI'),
        count(*) FILTER (WHERE n.direction = 'OUTBOUND' AND n.status <> 'CANCELED' AND n.author IN ('AGENT', 'PHONE')),
        count(*) FILTER (WHERE n.direction = 'OUTBOUND' AND n.status IN ('SENT', 'DELIVERED', 'READ', 'PLAYED', 'FAILED')),
        count(*) FILTER (WHERE n.direction = 'OUTBOUND' AND n.status IN ('DELIVERED', 'READ', 'PLAYED')),
        count(*) FILTER (WHERE n.direction = 'OUTBOUND' AND n.status IN ('READ', 'PLAYED')),
        count(*) FILTER (WHERE n.direction = 'OUTBOUND' AND n.status = 'FAILED'),
        count(*) FILTER (WHERE n.direction = 'INBOUND' AND "analytics_ai_counted"(n."businessId", n.id))
    FROM new_rows n
    GROUP BY 1, 2, 3, 4
    ORDER BY 1, 2, 3, 4
    ON CONFLICT ("businessId", slot, "conversationId", "instanceId") DO UPDATE SET
        messages = s.messages + EXCLUDED.messages,
        inbound = s.inbound + EXCLUDED.inbound,
        outbound = s.outbound + EXCLUDED.outbound,
        "aiReplies" = s."aiReplies" + EXCLUDED."aiReplies",
        "humanReplies" = s."humanReplies" + EXCLUDED."humanReplies",
        sent = s.sent + EXCLUDED.sent,
        delivered = s.delivered + EXCLUDED.delivered,
        read = s.read + EXCLUDED.read,
        failed = s.failed + EXCLUDED.failed,
        "aiProcessed" = s."aiProcessed" + EXCLUDED."aiProcessed";
    RETURN NULL;
END $$;
CREATE TRIGGER "Message_analytics_inserted"
AFTER INSERT ON "Message" REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "analytics_message_inserted"();

-- Status changes (the outbox, receipts) move counts between columns of the same row; a message
-- moved to another conversation (contact merge) moves its counts, and its AI coverage, too.
CREATE FUNCTION "analytics_message_updated"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    WITH moved AS (
        SELECT o.id FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE (o."businessId", o."conversationId", o."instanceId", "analytics_slot"(o."createdAt"), o.direction)
              IS DISTINCT FROM (n."businessId", n."conversationId", n."instanceId", "analytics_slot"(n."createdAt"), n.direction)
    ), changes AS (
        SELECT -1 AS sign, o.* FROM old_rows o
        UNION ALL
        SELECT 1 AS sign, n.* FROM new_rows n
    ), deltas AS (
        SELECT c."businessId", "analytics_slot"(c."createdAt") AS slot, c."conversationId", c."instanceId",
            sum(c.sign) AS messages,
            sum(c.sign) FILTER (WHERE c.direction = 'INBOUND') AS inbound,
            sum(c.sign) FILTER (WHERE c.direction = 'OUTBOUND' AND c.status <> 'CANCELED') AS outbound,
            sum(c.sign) FILTER (WHERE c.direction = 'OUTBOUND' AND c.status <> 'CANCELED' AND c.author = 'AI') AS ai_replies,
            sum(c.sign) FILTER (WHERE c.direction = 'OUTBOUND' AND c.status <> 'CANCELED' AND c.author IN ('AGENT', 'PHONE')) AS human_replies,
            sum(c.sign) FILTER (WHERE c.direction = 'OUTBOUND' AND c.status IN ('SENT', 'DELIVERED', 'READ', 'PLAYED', 'FAILED')) AS sent,
            sum(c.sign) FILTER (WHERE c.direction = 'OUTBOUND' AND c.status IN ('DELIVERED', 'READ', 'PLAYED')) AS delivered,
            sum(c.sign) FILTER (WHERE c.direction = 'OUTBOUND' AND c.status IN ('READ', 'PLAYED')) AS read,
            sum(c.sign) FILTER (WHERE c.direction = 'OUTBOUND' AND c.status = 'FAILED') AS failed,
            sum(CASE WHEN c.direction = 'INBOUND' AND c.id IN (SELECT id FROM moved) THEN
                CASE WHEN "analytics_ai_counted"(c."businessId", c.id) THEN c.sign ELSE 0 END
                ELSE 0 END) AS ai_processed
        FROM changes c
        GROUP BY 1, 2, 3, 4
    )
    INSERT INTO "AnalyticsSlot" AS s ("businessId", slot, "conversationId", "instanceId", messages, inbound, outbound,
        "aiReplies", "humanReplies", sent, delivered, read, failed, "aiProcessed")
    SELECT "businessId", slot, "conversationId", "instanceId", messages, COALESCE(inbound, 0), COALESCE(outbound, 0),
        COALESCE(ai_replies, 0), COALESCE(human_replies, 0), COALESCE(sent, 0), COALESCE(delivered, 0),
        COALESCE(read, 0), COALESCE(failed, 0), ai_processed
    FROM deltas
    WHERE messages <> 0 OR COALESCE(inbound, 0) <> 0 OR COALESCE(outbound, 0) <> 0 OR COALESCE(ai_replies, 0) <> 0
       OR COALESCE(human_replies, 0) <> 0 OR COALESCE(sent, 0) <> 0 OR COALESCE(delivered, 0) <> 0
       OR COALESCE(read, 0) <> 0 OR COALESCE(failed, 0) <> 0 OR ai_processed <> 0
    ORDER BY 1, 2, 3, 4
    ON CONFLICT ("businessId", slot, "conversationId", "instanceId") DO UPDATE SET
        messages = s.messages + EXCLUDED.messages,
        inbound = s.inbound + EXCLUDED.inbound,
        outbound = s.outbound + EXCLUDED.outbound,
        "aiReplies" = s."aiReplies" + EXCLUDED."aiReplies",
        "humanReplies" = s."humanReplies" + EXCLUDED."humanReplies",
        sent = s.sent + EXCLUDED.sent,
        delivered = s.delivered + EXCLUDED.delivered,
        read = s.read + EXCLUDED.read,
        failed = s.failed + EXCLUDED.failed,
        "aiProcessed" = s."aiProcessed" + EXCLUDED."aiProcessed";
    -- Rows that messages moved away from may be left empty.
    PERFORM "analytics_slots_prune"(array_agg(o."businessId"), array_agg("analytics_slot"(o."createdAt")), array_agg(o."conversationId"), array_agg(o."instanceId"))
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o."businessId", o."conversationId", o."instanceId", "analytics_slot"(o."createdAt"))
          IS DISTINCT FROM (n."businessId", n."conversationId", n."instanceId", "analytics_slot"(n."createdAt"));
    RETURN NULL;
END $$;
CREATE TRIGGER "Message_analytics_updated"
AFTER UPDATE ON "Message" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "analytics_message_updated"();

CREATE FUNCTION "analytics_message_deleted"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "AnalyticsSlot" s SET
        messages = s.messages - d.messages,
        inbound = s.inbound - d.inbound,
        outbound = s.outbound - d.outbound,
        "aiReplies" = s."aiReplies" - d.ai_replies,
        "humanReplies" = s."humanReplies" - d.human_replies,
        sent = s.sent - d.sent,
        delivered = s.delivered - d.delivered,
        read = s.read - d.read,
        failed = s.failed - d.failed,
        "aiProcessed" = s."aiProcessed" - d.ai_processed
    FROM (
        SELECT o."businessId", "analytics_slot"(o."createdAt") AS slot, o."conversationId", o."instanceId",
            count(*) AS messages,
            count(*) FILTER (WHERE o.direction = 'INBOUND') AS inbound,
            count(*) FILTER (WHERE o.direction = 'OUTBOUND' AND o.status <> 'CANCELED') AS outbound,
            count(*) FILTER (WHERE o.direction = 'OUTBOUND' AND o.status <> 'CANCELED' AND o.author = 'AI') AS ai_replies,
            count(*) FILTER (WHERE o.direction = 'OUTBOUND' AND o.status <> 'CANCELED' AND o.author IN ('AGENT', 'PHONE')) AS human_replies,
            count(*) FILTER (WHERE o.direction = 'OUTBOUND' AND o.status IN ('SENT', 'DELIVERED', 'READ', 'PLAYED', 'FAILED')) AS sent,
            count(*) FILTER (WHERE o.direction = 'OUTBOUND' AND o.status IN ('DELIVERED', 'READ', 'PLAYED')) AS delivered,
            count(*) FILTER (WHERE o.direction = 'OUTBOUND' AND o.status IN ('READ', 'PLAYED')) AS read,
            count(*) FILTER (WHERE o.direction = 'OUTBOUND' AND o.status = 'FAILED') AS failed,
            count(*) FILTER (WHERE o.direction = 'INBOUND' AND "analytics_ai_counted"(o."businessId", o.id)) AS ai_processed
        FROM old_rows o
        GROUP BY 1, 2, 3, 4
    ) d
    WHERE s."businessId" = d."businessId" AND s.slot = d.slot AND s."conversationId" = d."conversationId" AND s."instanceId" = d."instanceId";
    PERFORM "analytics_slots_prune"(array_agg(o."businessId"), array_agg("analytics_slot"(o."createdAt")), array_agg(o."conversationId"), array_agg(o."instanceId"))
    FROM old_rows o;
    RETURN NULL;
END $$;
CREATE TRIGGER "Message_analytics_deleted"
AFTER DELETE ON "Message" REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION "analytics_message_deleted"();

-- Response times, by the slot of the reply (repliedAt). Milliseconds are exact: both ends are
-- millisecond timestamps.
CREATE FUNCTION "analytics_response_times_changed"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    -- Each branch names only the transition tables its trigger has.
    IF TG_OP = 'INSERT' THEN
        INSERT INTO "AnalyticsSlot" AS s ("businessId", slot, "conversationId", "instanceId", responses, "responseMillis")
        SELECT n."businessId", "analytics_slot"(n."repliedAt"), n."conversationId", n."instanceId", count(*), sum(round(n.seconds * 1000))
        FROM new_rows n
        GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
        ON CONFLICT ("businessId", slot, "conversationId", "instanceId") DO UPDATE SET
            responses = s.responses + EXCLUDED.responses, "responseMillis" = s."responseMillis" + EXCLUDED."responseMillis";
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO "AnalyticsSlot" AS s ("businessId", slot, "conversationId", "instanceId", responses, "responseMillis")
        SELECT c."businessId", "analytics_slot"(c."repliedAt"), c."conversationId", c."instanceId", sum(c.sign), sum(c.sign * round(c.seconds * 1000))
        FROM (
            SELECT 1 AS sign, n."businessId", n."repliedAt", n."conversationId", n."instanceId", n.seconds FROM new_rows n
            UNION ALL
            SELECT -1, o."businessId", o."repliedAt", o."conversationId", o."instanceId", o.seconds FROM old_rows o
        ) c
        GROUP BY 1, 2, 3, 4
        HAVING sum(c.sign) <> 0 OR sum(c.sign * round(c.seconds * 1000)) <> 0
        ORDER BY 1, 2, 3, 4
        ON CONFLICT ("businessId", slot, "conversationId", "instanceId") DO UPDATE SET
            responses = s.responses + EXCLUDED.responses, "responseMillis" = s."responseMillis" + EXCLUDED."responseMillis";
    ELSE
        UPDATE "AnalyticsSlot" s SET responses = s.responses - d.responses, "responseMillis" = s."responseMillis" - d.millis
        FROM (
            SELECT o."businessId", "analytics_slot"(o."repliedAt") AS slot, o."conversationId", o."instanceId",
                count(*)::INT AS responses, sum(round(o.seconds * 1000))::BIGINT AS millis
            FROM old_rows o GROUP BY 1, 2, 3, 4
        ) d
        WHERE s."businessId" = d."businessId" AND s.slot = d.slot AND s."conversationId" = d."conversationId" AND s."instanceId" = d."instanceId";
        PERFORM "analytics_slots_prune"(array_agg(o."businessId"), array_agg("analytics_slot"(o."repliedAt")), array_agg(o."conversationId"), array_agg(o."instanceId"))
        FROM old_rows o;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER "ResponseTime_analytics_inserted"
AFTER INSERT ON "ResponseTime" REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "analytics_response_times_changed"();
CREATE TRIGGER "ResponseTime_analytics_updated"
AFTER UPDATE ON "ResponseTime" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "analytics_response_times_changed"();
CREATE TRIGGER "ResponseTime_analytics_deleted"
AFTER DELETE ON "ResponseTime" REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION "analytics_response_times_changed"();

-- AI runs change coverage: +1 per message a counted run lists, −1 when it stops counting (outcome
-- changed, message dropped from its list, run deleted). A message whose coverage goes from 0 to
-- more, or back to 0, moves its slot's aiProcessed by one. Changes are netted per message first.
CREATE FUNCTION "analytics_ai_coverage_change"(businesses TEXT[], messages TEXT[], changes INTEGER[]) RETURNS VOID
LANGUAGE plpgsql AS $$
BEGIN
    WITH delta AS (
        SELECT d.business AS "businessId", d.message AS "messageId", sum(d.change)::INT AS change
        FROM unnest(businesses, messages, changes) AS d(business, message, change)
        GROUP BY 1, 2 HAVING sum(d.change) <> 0
    ), added AS (
        INSERT INTO "AnalyticsAiCoverage" AS v ("businessId", "messageId", runs)
        SELECT "businessId", "messageId", change FROM delta WHERE change > 0 ORDER BY 1, 2
        ON CONFLICT ("businessId", "messageId") DO UPDATE SET runs = v.runs + EXCLUDED.runs
        RETURNING v."businessId", v."messageId", v.runs
    ), removed AS (
        UPDATE "AnalyticsAiCoverage" v SET runs = v.runs + d.change
        FROM delta d WHERE d.change < 0 AND v."businessId" = d."businessId" AND v."messageId" = d."messageId"
        RETURNING v."businessId", v."messageId", v.runs
    ), flipped AS (
        SELECT a."businessId", a."messageId", 1 AS change FROM added a JOIN delta d USING ("businessId", "messageId") WHERE a.runs = d.change
        UNION ALL
        SELECT r."businessId", r."messageId", -1 FROM removed r WHERE r.runs <= 0
    )
    UPDATE "AnalyticsSlot" s SET "aiProcessed" = s."aiProcessed" + f.change
    FROM (
        SELECT m."businessId", "analytics_slot"(m."createdAt") AS slot, m."conversationId", m."instanceId", sum(f.change)::INT AS change
        FROM flipped f JOIN "Message" m ON m.id = f."messageId" AND m."businessId" = f."businessId" AND m.direction = 'INBOUND'
        GROUP BY 1, 2, 3, 4
    ) f
    WHERE s."businessId" = f."businessId" AND s.slot = f.slot AND s."conversationId" = f."conversationId" AND s."instanceId" = f."instanceId";
END $$;

-- The messages a counted run lists, each once.
CREATE FUNCTION "analytics_ai_runs_inserted"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "analytics_ai_coverage_change"(array_agg(l."businessId"), array_agg(l.message), array_agg(1))
    FROM (SELECT DISTINCT n.id, n."businessId", unnest(n."inboundMessageIds") AS message
          FROM new_rows n WHERE n.outcome IN ('REPLIED', 'DRAFTED', 'HANDED_OFF')) l;
    RETURN NULL;
END $$;
CREATE TRIGGER "AiRun_analytics_inserted"
AFTER INSERT ON "AiRun" REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "analytics_ai_runs_inserted"();

CREATE FUNCTION "analytics_ai_runs_updated"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "analytics_ai_coverage_change"(array_agg(l."businessId"), array_agg(l.message), array_agg(l.change))
    FROM (
        SELECT DISTINCT o.id, o."businessId", unnest(o."inboundMessageIds") AS message, -1 AS change
        FROM old_rows o WHERE o.outcome IN ('REPLIED', 'DRAFTED', 'HANDED_OFF')
        UNION ALL
        SELECT DISTINCT n.id, n."businessId", unnest(n."inboundMessageIds") AS message, 1 AS change
        FROM new_rows n WHERE n.outcome IN ('REPLIED', 'DRAFTED', 'HANDED_OFF')
    ) l;
    RETURN NULL;
END $$;
CREATE TRIGGER "AiRun_analytics_updated"
AFTER UPDATE ON "AiRun" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "analytics_ai_runs_updated"();

CREATE FUNCTION "analytics_ai_runs_deleted"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "analytics_ai_coverage_change"(array_agg(l."businessId"), array_agg(l.message), array_agg(-1))
    FROM (SELECT DISTINCT o.id, o."businessId", unnest(o."inboundMessageIds") AS message
          FROM old_rows o WHERE o.outcome IN ('REPLIED', 'DRAFTED', 'HANDED_OFF')) l;
    RETURN NULL;
END $$;
CREATE TRIGGER "AiRun_analytics_deleted"
AFTER DELETE ON "AiRun" REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION "analytics_ai_runs_deleted"();

-- Existing data.
INSERT INTO "AnalyticsAiCoverage" ("businessId", "messageId", runs)
SELECT r."businessId", l.message, count(DISTINCT r.id)
FROM "AiRun" r CROSS JOIN LATERAL unnest(r."inboundMessageIds") AS l(message)
WHERE r.outcome IN ('REPLIED', 'DRAFTED', 'HANDED_OFF')
GROUP BY 1, 2;

INSERT INTO "AnalyticsSlot" ("businessId", slot, "conversationId", "instanceId", messages, inbound, outbound,
    "aiReplies", "humanReplies", sent, delivered, read, failed, "aiProcessed")
SELECT m."businessId", "analytics_slot"(m."createdAt"), m."conversationId", m."instanceId",
    count(*),
    count(*) FILTER (WHERE m.direction = 'INBOUND'),
    count(*) FILTER (WHERE m.direction = 'OUTBOUND' AND m.status <> 'CANCELED'),
    count(*) FILTER (WHERE m.direction = 'OUTBOUND' AND m.status <> 'CANCELED' AND m.author = 'AI'),
    count(*) FILTER (WHERE m.direction = 'OUTBOUND' AND m.status <> 'CANCELED' AND m.author IN ('AGENT', 'PHONE')),
    count(*) FILTER (WHERE m.direction = 'OUTBOUND' AND m.status IN ('SENT', 'DELIVERED', 'READ', 'PLAYED', 'FAILED')),
    count(*) FILTER (WHERE m.direction = 'OUTBOUND' AND m.status IN ('DELIVERED', 'READ', 'PLAYED')),
    count(*) FILTER (WHERE m.direction = 'OUTBOUND' AND m.status IN ('READ', 'PLAYED')),
    count(*) FILTER (WHERE m.direction = 'OUTBOUND' AND m.status = 'FAILED'),
    count(*) FILTER (WHERE m.direction = 'INBOUND' AND c.runs > 0)
FROM "Message" m
LEFT JOIN "AnalyticsAiCoverage" c ON c."businessId" = m."businessId" AND c."messageId" = m.id
GROUP BY 1, 2, 3, 4;

INSERT INTO "AnalyticsSlot" AS s ("businessId", slot, "conversationId", "instanceId", responses, "responseMillis")
SELECT t."businessId", "analytics_slot"(t."repliedAt"), t."conversationId", t."instanceId", count(*), sum(round(t.seconds * 1000))
FROM "ResponseTime" t
GROUP BY 1, 2, 3, 4
ON CONFLICT ("businessId", slot, "conversationId", "instanceId") DO UPDATE SET
    responses = EXCLUDED.responses, "responseMillis" = EXCLUDED."responseMillis";

INSERT INTO "AnalyticsLineSlot" ("businessId", slot, "instanceId", inbound, outbound, "aiReplies", "humanReplies",
    sent, delivered, read, failed, "aiProcessed", responses, "responseMillis")
SELECT "businessId", slot, "instanceId", sum(inbound), sum(outbound), sum("aiReplies"), sum("humanReplies"),
    sum(sent), sum(delivered), sum(read), sum(failed), sum("aiProcessed"), sum(responses), sum("responseMillis")
FROM "AnalyticsSlot"
GROUP BY 1, 2, 3;

-- From here on, every change to AnalyticsSlot (inserted, updated, or deleted with its business or
-- conversation) is appended per line and slot.
CREATE FUNCTION "analytics_slots_changed"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    -- Each branch names only the transition tables its trigger has.
    IF TG_OP = 'INSERT' THEN
        INSERT INTO "AnalyticsLineChange" ("businessId", slot, "instanceId", inbound, outbound, "aiReplies", "humanReplies",
            sent, delivered, read, failed, "aiProcessed", responses, "responseMillis")
        SELECT n."businessId", n.slot, n."instanceId", sum(n.inbound), sum(n.outbound), sum(n."aiReplies"), sum(n."humanReplies"),
            sum(n.sent), sum(n.delivered), sum(n.read), sum(n.failed), sum(n."aiProcessed"), sum(n.responses), sum(n."responseMillis")
        FROM new_rows n GROUP BY 1, 2, 3;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO "AnalyticsLineChange" ("businessId", slot, "instanceId", inbound, outbound, "aiReplies", "humanReplies",
            sent, delivered, read, failed, "aiProcessed", responses, "responseMillis")
        SELECT c."businessId", c.slot, c."instanceId", sum(c.sign * c.inbound), sum(c.sign * c.outbound), sum(c.sign * c."aiReplies"),
            sum(c.sign * c."humanReplies"), sum(c.sign * c.sent), sum(c.sign * c.delivered), sum(c.sign * c.read),
            sum(c.sign * c.failed), sum(c.sign * c."aiProcessed"), sum(c.sign * c.responses), sum(c.sign * c."responseMillis")
        FROM (SELECT 1 AS sign, n.* FROM new_rows n UNION ALL SELECT -1 AS sign, o.* FROM old_rows o) c
        GROUP BY 1, 2, 3
        HAVING sum(c.sign * c.inbound) <> 0 OR sum(c.sign * c.outbound) <> 0 OR sum(c.sign * c."aiReplies") <> 0
            OR sum(c.sign * c."humanReplies") <> 0 OR sum(c.sign * c.sent) <> 0 OR sum(c.sign * c.delivered) <> 0
            OR sum(c.sign * c.read) <> 0 OR sum(c.sign * c.failed) <> 0 OR sum(c.sign * c."aiProcessed") <> 0
            OR sum(c.sign * c.responses) <> 0 OR sum(c.sign * c."responseMillis") <> 0;
    ELSE
        INSERT INTO "AnalyticsLineChange" ("businessId", slot, "instanceId", inbound, outbound, "aiReplies", "humanReplies",
            sent, delivered, read, failed, "aiProcessed", responses, "responseMillis")
        SELECT o."businessId", o.slot, o."instanceId", -sum(o.inbound), -sum(o.outbound), -sum(o."aiReplies"), -sum(o."humanReplies"),
            -sum(o.sent), -sum(o.delivered), -sum(o.read), -sum(o.failed), -sum(o."aiProcessed"), -sum(o.responses), -sum(o."responseMillis")
        FROM old_rows o GROUP BY 1, 2, 3
        HAVING sum(o.inbound) <> 0 OR sum(o.outbound) <> 0 OR sum(o."aiReplies") <> 0 OR sum(o."humanReplies") <> 0
            OR sum(o.sent) <> 0 OR sum(o.delivered) <> 0 OR sum(o.read) <> 0 OR sum(o.failed) <> 0
            OR sum(o."aiProcessed") <> 0 OR sum(o.responses) <> 0 OR sum(o."responseMillis") <> 0;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER "AnalyticsSlot_lines_inserted"
AFTER INSERT ON "AnalyticsSlot" REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "analytics_slots_changed"();
CREATE TRIGGER "AnalyticsSlot_lines_updated"
AFTER UPDATE ON "AnalyticsSlot" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "analytics_slots_changed"();
CREATE TRIGGER "AnalyticsSlot_lines_deleted"
AFTER DELETE ON "AnalyticsSlot" REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION "analytics_slots_changed"();

-- Folds a business's appended changes into AnalyticsLineSlot, in one statement (a reader sees the
-- changes either still appended or already folded, never both or neither). One fold per business
-- at a time; returns how many changes it folded.
CREATE FUNCTION "analytics_compact"(business TEXT) RETURNS INTEGER LANGUAGE plpgsql AS $$
DECLARE
    folded INTEGER;
BEGIN
    PERFORM pg_advisory_xact_lock(20261122, hashtext(business));
    WITH taken AS (
        DELETE FROM "AnalyticsLineChange" c WHERE c."businessId" = business RETURNING c.*
    ), merged AS (
        INSERT INTO "AnalyticsLineSlot" AS l ("businessId", slot, "instanceId", inbound, outbound, "aiReplies", "humanReplies",
            sent, delivered, read, failed, "aiProcessed", responses, "responseMillis")
        SELECT t."businessId", t.slot, t."instanceId", sum(t.inbound), sum(t.outbound), sum(t."aiReplies"), sum(t."humanReplies"),
            sum(t.sent), sum(t.delivered), sum(t.read), sum(t.failed), sum(t."aiProcessed"), sum(t.responses), sum(t."responseMillis")
        FROM taken t GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
        ON CONFLICT ("businessId", slot, "instanceId") DO UPDATE SET
            inbound = l.inbound + EXCLUDED.inbound,
            outbound = l.outbound + EXCLUDED.outbound,
            "aiReplies" = l."aiReplies" + EXCLUDED."aiReplies",
            "humanReplies" = l."humanReplies" + EXCLUDED."humanReplies",
            sent = l.sent + EXCLUDED.sent,
            delivered = l.delivered + EXCLUDED.delivered,
            read = l.read + EXCLUDED.read,
            failed = l.failed + EXCLUDED.failed,
            "aiProcessed" = l."aiProcessed" + EXCLUDED."aiProcessed",
            responses = l.responses + EXCLUDED.responses,
            "responseMillis" = l."responseMillis" + EXCLUDED."responseMillis"
        RETURNING 1
    )
    SELECT count(*) INTO folded FROM taken;
    RETURN folded;
END $$;

-- What the analytics queries read besides the rollup: response times with their line and value,
-- AI decisions by time with outcome and intent, new contacts by first contact.
DROP INDEX "ResponseTime_businessId_repliedAt_idx";
CREATE INDEX "ResponseTime_businessId_repliedAt_idx" ON "ResponseTime"("businessId", "repliedAt") INCLUDE ("instanceId", "seconds");
DROP INDEX "AiRun_businessId_createdAt_idx";
CREATE INDEX "AiRun_businessId_createdAt_idx" ON "AiRun"("businessId", "createdAt") INCLUDE ("outcome", "intent", "conversationId");
CREATE INDEX "Contact_businessId_firstSeenAt_idx" ON "Contact"("businessId", "firstSeenAt");

-- Platform analytics reads every business's messages (the ends of a period) and webhook deliveries
-- by time. Both tables are written in time order, so block-range indexes stay tiny and cheap.
CREATE INDEX "Message_createdAt_brin_idx" ON "Message" USING BRIN ("createdAt");
CREATE INDEX "WebhookEvent_receivedAt_brin_idx" ON "WebhookEvent" USING BRIN ("receivedAt");
