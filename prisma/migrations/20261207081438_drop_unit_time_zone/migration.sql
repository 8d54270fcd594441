/*
  Warnings:

  - You are about to drop the column `time_zone` on the `org_units` table. All the data in the column will be lost.

*/
-- AlterTable
ALTER TABLE "org_units" DROP COLUMN "time_zone";
