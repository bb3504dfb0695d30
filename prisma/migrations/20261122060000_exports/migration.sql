-- Conversation exports: the file of a finished export is stored in the database, in chunks of
-- 32 KB, so any replica can serve the download and none needs shared disk.
CREATE TABLE "ExportChunk" (
    "exportJobId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,
    CONSTRAINT "ExportChunk_pkey" PRIMARY KEY ("exportJobId", "seq")
);
ALTER TABLE "ExportChunk" ADD CONSTRAINT "ExportChunk_exportJobId_fkey" FOREIGN KEY ("exportJobId") REFERENCES "ExportJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- An export pages through a business's messages in (createdAt, id) order, a batch at a time.
CREATE INDEX "Message_businessId_createdAt_id_idx" ON "Message"("businessId", "createdAt", "id");
