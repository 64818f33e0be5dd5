import { defineWebExtConfig } from 'wxt';

// No display here: WXT's dev runner would try to open a browser and fail.
export default defineWebExtConfig({ disabled: true });
