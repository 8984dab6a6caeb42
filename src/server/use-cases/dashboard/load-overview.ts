import type { Shop } from '@/domain/shops/shop';
import { DEFAULT_THRESHOLDS } from '@/domain/analytics/order-health';
import { queryAnswerTimes } from '../../analytics/event-queries';
import { queryOrderAgeAtFirstQuestion, queryRepeatOrders, queryStatusCategories } from '../../analytics/order-view-queries';
import { queryConversationShare, queryProactiveAnswers, queryVolumeByDay, queryWismoFunnel } from '../../analytics/inquiry-summaries';
import { queryCacheUse, queryLookupOutcomes } from '../../analytics/rollup-queries';
import { queryCarrierPerformance, queryProblemOrders } from '../../analytics/snapshot-queries';
import type { DayRange } from '../../analytics/sql-rows';
import type { Services } from '../../services';

/** Every number on the dashboard's main page for one shop and range (buffered events are written first). */
export async function loadOverview(services: Services, shop: Shop, range: DayRange, now = new Date()) {
  await services.analytics.flush();
  const { db } = services;
  const [funnel, proactive, volume, share, lookups, answerTimes, cache, statusCategories, orderAge, repeatOrders, problemOrders, carriers] = await Promise.all([
    queryWismoFunnel(db, shop.id, range),
    queryProactiveAnswers(db, shop.id, range),
    queryVolumeByDay(db, shop.id, range),
    queryConversationShare(db, shop.id, range),
    queryLookupOutcomes(db, shop.id, range),
    queryAnswerTimes(db, shop.id, range),
    queryCacheUse(db, shop.id, range),
    queryStatusCategories(db, shop.id, range),
    queryOrderAgeAtFirstQuestion(db, shop.id, range),
    queryRepeatOrders(db, shop.id, range),
    queryProblemOrders(db, shop.id, range, now, DEFAULT_THRESHOLDS),
    queryCarrierPerformance(db, shop.id, range),
  ]);
  return {
    range,
    funnel,
    proactive,
    volume,
    share,
    lookups,
    answerTimes,
    cache,
    statusCategories,
    orderAge,
    repeatOrders,
    problemOrders,
    carriers,
    thresholds: DEFAULT_THRESHOLDS,
  };
}
export type Overview = Awaited<ReturnType<typeof loadOverview>>;
