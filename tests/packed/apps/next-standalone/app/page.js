export { default } from "../../next/app/page.js";
