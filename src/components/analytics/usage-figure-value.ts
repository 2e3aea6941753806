import { formatInteger } from "@/components/ui/format-number";
import { formatMoney } from "@/shared/money/format-money";
import { FIGURE_META, REVENUE_CURRENCY, type UsageFigure } from "./usage-figures";

/** A figure as text: money for revenue, a grouped integer for counts. */
export const figureValue = (figure: UsageFigure, value: number) => (FIGURE_META[figure].money ? formatMoney(value, REVENUE_CURRENCY) : formatInteger(value));
