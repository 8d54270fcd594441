-- CreateEnum
CREATE TYPE "ApiKeyState" AS ENUM ('active', 'revoked');

-- CreateEnum
CREATE TYPE "WebhookFormat" AS ENUM ('json', 'wecom_text', 'wecom_markdown', 'dingtalk_text', 'dingtalk_markdown');

-- CreateEnum
CREATE TYPE "WebhookState" AS ENUM ('active', 'disabled');

-- CreateEnum
CREATE TYPE "DeliveryState" AS ENUM ('pending', 'delivered', 'failed');

-- AlterTable
ALTER TABLE "case_events" ADD COLUMN     "tx_id" xid8 DEFAULT pg_current_xact_id();

-- AlterTable
ALTER TABLE "cases" ADD COLUMN     "latitude" DOUBLE PRECISION,
ADD COLUMN     "longitude" DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "leader_activities" ADD COLUMN     "tx_id" xid8 DEFAULT pg_current_xact_id();

-- CreateTable
CREATE TABLE "open311_api_keys" (
    "id" UUID NOT NULL,
    "org_unit_id" UUID NOT NULL,
    "label" TEXT NOT NULL,
    "key_hash" TEXT NOT NULL,
    "key_prefix" TEXT NOT NULL,
    "state" "ApiKeyState" NOT NULL DEFAULT 'active',
    "issued_by_user_id" UUID NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_by_user_id" UUID,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "open311_api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cycle_notices" (
    "id" UUID NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "cycle" TEXT NOT NULL,
    "district_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "unit_ids" UUID[],
    "working_days_left" INTEGER,
    "days_late" INTEGER,
    "deadline_at" TIMESTAMPTZ(3) NOT NULL,
    "sent_at" TIMESTAMPTZ(3) NOT NULL,
    "tx_id" xid8 DEFAULT pg_current_xact_id(),

    CONSTRAINT "cycle_notices_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhooks" (
    "id" UUID NOT NULL,
    "org_unit_id" UUID NOT NULL,
    "label" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "format" "WebhookFormat" NOT NULL,
    "events" TEXT[],
    "secret" TEXT,
    "state" "WebhookState" NOT NULL DEFAULT 'active',
    "created_by_user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "webhooks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_deliveries" (
    "id" UUID NOT NULL,
    "webhook_id" UUID NOT NULL,
    "event_id" TEXT NOT NULL,
    "event_type" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "event" JSONB NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "state" "DeliveryState" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_attempt_at" TIMESTAMPTZ(3),
    "last_status" INTEGER,
    "last_error" TEXT,
    "delivered_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_feed_cursors" (
    "source" TEXT NOT NULL,
    "tx_id" TEXT NOT NULL,
    "row_id" UUID NOT NULL,

    CONSTRAINT "webhook_feed_cursors_pkey" PRIMARY KEY ("source")
);

-- CreateIndex
CREATE UNIQUE INDEX "open311_api_keys_key_hash_key" ON "open311_api_keys"("key_hash");

-- CreateIndex
CREATE INDEX "open311_api_keys_org_unit_id_idx" ON "open311_api_keys"("org_unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "cycle_notices_idempotency_key_key" ON "cycle_notices"("idempotency_key");

-- CreateIndex
CREATE INDEX "cycle_notices_tx_id_id_idx" ON "cycle_notices"("tx_id", "id");

-- CreateIndex
CREATE INDEX "webhooks_org_unit_id_idx" ON "webhooks"("org_unit_id");

-- CreateIndex
CREATE INDEX "webhook_deliveries_webhook_id_created_at_id_idx" ON "webhook_deliveries"("webhook_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "webhook_deliveries_webhook_id_state_idx" ON "webhook_deliveries"("webhook_id", "state");

-- CreateIndex
CREATE UNIQUE INDEX "webhook_deliveries_webhook_id_event_id_key" ON "webhook_deliveries"("webhook_id", "event_id");

-- CreateIndex
CREATE INDEX "case_events_tx_id_id_idx" ON "case_events"("tx_id", "id");

-- CreateIndex
CREATE INDEX "leader_activities_tx_id_id_idx" ON "leader_activities"("tx_id", "id");

-- AddForeignKey
ALTER TABLE "open311_api_keys" ADD CONSTRAINT "open311_api_keys_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhooks" ADD CONSTRAINT "webhooks_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_webhook_id_fkey" FOREIGN KEY ("webhook_id") REFERENCES "webhooks"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
